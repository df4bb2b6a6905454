import { prismaValidate } from "./prisma-validator.mjs";
import { readFileSync } from "node:fs";
for (const f of process.argv.slice(2)) { const v = prismaValidate(readFileSync(f, "utf8")); console.log("==", f, v.valid ? "VALID" : "INVALID\n" + v.message.slice(0, 600)); }

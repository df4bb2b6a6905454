// Writes share payloads the way relplay does (raw deflate of compact JSON, base64url), so tests can
// build links, hostile ones included, without the app.
import { deflateRawSync } from "node:zlib";

export function encodePayload(playground) {
  return `v1.${deflateRawSync(Buffer.from(JSON.stringify(playground)), { level: 9 }).toString("base64url")}`;
}

export function encodeBytes(bytes) {
  return `v1.${deflateRawSync(bytes, { level: 9 }).toString("base64url")}`;
}

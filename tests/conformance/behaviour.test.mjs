// relplay's TypeORM and Sequelize code used the way an application uses it, on SQLite (sql.js):
// rows saved through one side of each relation are found through both navigations, under the
// IR's names, and the database's actions (unique one-to-one keys, cascades) hold.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { relplayOk, repoRoot } from "../support/relplay.mjs";
import { Sqlite } from "../support/databases.mjs";
import { openTypeorm, openSequelize } from "../support/orm-databases.mjs";

const servers = { sqlite: new Sqlite() };
after(() => servers.sqlite.end());
const output = (example, ...args) => relplayOk(["convert", join(repoRoot, "examples", `${example}.prisma`), ...args]);

test("TypeORM: a profile belongs to one user, both ways, and goes with the user", async () => {
  const { dataSource, module } = await openTypeorm("behaviour_up", output("user-profile", "--to", "typeorm", "--dialect", "sqlite"), "sqlite", servers);
  try {
    const users = dataSource.getRepository(module.User);
    const profiles = dataSource.getRepository(module.Profile);
    const ada = await users.save({ email: "ada@example.com", name: "Ada" });
    await profiles.save({ bio: "maths", userId: ada.id });
    const found = await users.findOne({ where: { id: ada.id }, relations: { profile: true } });
    assert.equal(found.profile.bio, "maths");
    const back = await profiles.findOne({ where: { bio: "maths" }, relations: { user: true } });
    assert.equal(back.user.email, "ada@example.com");
    await assert.rejects(profiles.save({ bio: "second", userId: ada.id }), /UNIQUE/);
    await dataSource.query(`PRAGMA foreign_keys = ON`);
    await users.delete(ada.id);
    assert.equal(await profiles.count(), 0, "ON DELETE CASCADE");
  } finally {
    await dataSource.destroy();
  }
});

test("TypeORM: posts and tags reach each other through the IR's join table", async () => {
  const { dataSource, module } = await openTypeorm("behaviour_mn", output("many-to-many-implicit", "--to", "typeorm", "--dialect", "sqlite"), "sqlite", servers);
  try {
    const tags = await dataSource.getRepository(module.Tag).save([{ name: "rust" }, { name: "wasm" }]);
    const post = await dataSource.getRepository(module.Post).save({ title: "Hello", tags });
    const rows = await dataSource.query(`SELECT "A", "B" FROM "_PostToTag" ORDER BY "B"`);
    assert.deepEqual(rows.map((r) => [r.A, r.B]), [[post.id, tags[0].id], [post.id, tags[1].id]], "A is Post, B is Tag, as in Prisma");
    const wasm = await dataSource.getRepository(module.Tag).findOne({ where: { name: "wasm" }, relations: { posts: true } });
    assert.deepEqual(wasm.posts.map((p) => p.title), ["Hello"]);
  } finally {
    await dataSource.destroy();
  }
});

test("Sequelize: the associations carry the IR's names, for a one-to-one and a self-relation", async () => {
  const { sequelize, models } = await openSequelize("behaviour_seq", output("user-profile", "--to", "sequelize"), "sqlite", servers);
  try {
    const ada = await models.User.create({ email: "ada@example.com", name: "Ada" });
    await models.Profile.create({ bio: "maths", userId: ada.id });
    const found = await models.User.findByPk(ada.id, { include: "profile" });
    assert.equal(found.profile.bio, "maths");
    const back = await models.Profile.findOne({ include: "user" });
    assert.equal(back.user.email, "ada@example.com");
    await assert.rejects(models.Profile.create({ bio: "second", userId: ada.id }), /UNIQUE|unique/);
    await ada.destroy();
    assert.equal(await models.Profile.count(), 0, "ON DELETE CASCADE");
  } finally {
    await sequelize.close();
  }
  const self = await openSequelize("behaviour_self", output("self-relation", "--to", "sequelize"), "sqlite", servers);
  try {
    const { Employee } = self.models;
    const boss = await Employee.create({ name: "Grace" });
    await Employee.create({ name: "Alan", managerId: boss.id, mentorId: boss.id });
    const withReports = await Employee.findByPk(boss.id, { include: ["reports", "mentee"] });
    assert.deepEqual(withReports.reports.map((e) => e.name), ["Alan"]);
    assert.equal(withReports.mentee.name, "Alan");
  } finally {
    await self.sequelize.close();
  }
});

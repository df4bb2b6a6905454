// Column options built by a helper and spread into others, as misskey-dev/misskey's entities do
// (`packages/backend/src/models/util/id.ts`, `@PrimaryColumn(id())`, `@Column({ ...id(), … })`);
// written anew here. TypeORM judges what relplay reads.
export const id = () => ({
  type: "varchar" as const,
  length: 32,
});

export const optionalDate = {
  type: Date,
  nullable: true,
};

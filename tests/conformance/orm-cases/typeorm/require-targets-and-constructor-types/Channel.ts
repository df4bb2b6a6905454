import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, RelationId } from "typeorm";

@Entity("channels")
export class Channel {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: String, length: 100 })
  name: string;

  @Column({ nullable: true })
  @RelationId((channel: Channel) => channel.guild)
  guild_id?: number;

  @JoinColumn({ name: "guild_id" })
  @ManyToOne(() => require("./Guild").Guild, (guild: import("./Guild").Guild) => guild.channels, { onDelete: "CASCADE" })
  guild?: import("./Guild").Guild;

  @Column({ nullable: true })
  parent_id?: number;

  // The inverse names a column of the target, not a relation: TypeORM builds the relation one-sided.
  @JoinColumn({ name: "parent_id" })
  @ManyToOne(() => Channel, (channel: Channel) => channel.id)
  parent?: Channel;
}

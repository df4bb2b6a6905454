// Entities that name each other through `require` (so neither module imports the other), column
// types given as JavaScript constructors, and an inverse side that names a column: patterns of
// spacebarchat/server's entities, written anew here. TypeORM judges what relplay reads.
import { Column, Entity, OneToMany, PrimaryGeneratedColumn } from "typeorm";

@Entity("guilds")
export class Guild {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: String, nullable: true })
  banner?: string;

  @Column({ type: Number })
  member_count: number;

  @Column({ type: Boolean, default: false })
  large: boolean;

  @Column({ type: Date, nullable: true })
  joined_at?: Date;

  @OneToMany(() => require("./Channel").Channel, (channel: import("./Channel").Channel) => channel.guild)
  channels: import("./Channel").Channel[];
}

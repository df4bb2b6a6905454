import { Column, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryColumn } from "typeorm";
import { id, optionalDate } from "./util/id";

@Entity("account")
export class Account {
  @PrimaryColumn(id())
  id: string;

  @Column("varchar", { length: 128 })
  username: string;

  @Column({ ...optionalDate, comment: "When the account last signed in." })
  lastSeenAt: Date | null;

  @Index()
  @Column({ ...id(), nullable: true, comment: "The account this one moved to." })
  movedToId: string | null;

  @ManyToOne(() => Account, { onDelete: "SET NULL" })
  @JoinColumn()
  movedTo: Account | null;
}

@Entity("account_keypair")
export class AccountKeypair {
  @PrimaryColumn(id())
  accountId: string;

  @OneToOne(() => Account, { onDelete: "CASCADE" })
  @JoinColumn()
  account: Account | null;

  @Column("varchar", { length: 4096 })
  publicKey: string;
}

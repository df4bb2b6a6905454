// Many-to-many associations with their own actions, and one without foreign keys (the
// `constraints: false` of polymorphic tagging): what Sequelize's belongsToMany does with
// `onDelete`, `onUpdate` and `constraints`, written here. Sequelize judges what relplay reads.
module.exports = (sequelize, DataTypes) => {
  const Author = sequelize.define("Author", { name: DataTypes.STRING });
  const Book = sequelize.define("Book", { title: DataTypes.STRING });
  const Label = sequelize.define("Label", { text: DataTypes.STRING });

  // Both keys of AuthorBooks: the first association's RESTRICT and NO ACTION.
  Author.belongsToMany(Book, { through: "AuthorBooks", onDelete: "RESTRICT", onUpdate: "NO ACTION" });
  Book.belongsToMany(Author, { through: "AuthorBooks" });

  // BookLabels' keys are plain columns.
  Book.belongsToMany(Label, { through: "BookLabels", constraints: false });
  Label.belongsToMany(Book, { through: "BookLabels", constraints: false });

  return { Author, Book, Label };
};

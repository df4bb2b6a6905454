// Attribute types written as SQL (`type: "VARCHAR(20)"`), which Sequelize puts in its DDL as they
// stand, as opencollective/opencollective-api's models do for a type Sequelize has no name for.
// Written here; Sequelize judges what relplay reads.
module.exports = (sequelize, DataTypes) => {
  const Country = sequelize.define("Country", {
    code: { type: "CHAR(2)", allowNull: false, unique: true },
    name: { type: "VARCHAR(80)", allowNull: false },
    population: "BIGINT",
    area: { type: "DECIMAL(12,2)" },
  });
  return { Country };
};

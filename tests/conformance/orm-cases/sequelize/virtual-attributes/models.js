// Attributes computed in JavaScript (`DataTypes.VIRTUAL`, in the three ways
// opencollective/opencollective-api's models write it): Sequelize makes no column of them.
// Written here; Sequelize judges what relplay reads.
module.exports = (sequelize, DataTypes) => {
  const Place = sequelize.define("Place", {
    name: { type: DataTypes.STRING, allowNull: false },
    lat: DataTypes.FLOAT,
    label: DataTypes.VIRTUAL,
    latitude: {
      type: DataTypes.VIRTUAL(DataTypes.FLOAT),
      get() {
        return this.lat;
      },
    },
    url: {
      type: new DataTypes.VIRTUAL(DataTypes.STRING, ["name"]),
      get() {
        return `/places/${this.name}`;
      },
    },
  });
  return { Place };
};

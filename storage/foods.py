"""The USDA SR28 food table: one row per food (nutrients per 100 g) and its household portions."""
from __future__ import annotations

from sqlalchemy import Float, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.db import Base

# Per-100 g nutrient columns, in the order meal totals are reported.
NUTRIENTS: tuple[str, ...] = (
    "kcal",
    "protein_g",
    "fat_g",
    "carbs_g",
    "fiber_g",
    "sugar_g",
    "iron_mg",
    "calcium_mg",
    "zinc_mg",
    "vitamin_a_ug",
    "vitamin_c_mg",
    "vitamin_d_ug",
    "folate_ug",
    "sodium_mg",
)


class Food(Base):
    """One SR28 food; nutrient values are per 100 g edible portion (None when SR28 has none)."""

    __tablename__ = "food"

    ndb_no: Mapped[str] = mapped_column(String(5), primary_key=True)
    description: Mapped[str] = mapped_column(String(200))
    short_description: Mapped[str] = mapped_column(String(60))
    common_name: Mapped[str | None] = mapped_column(String(100))
    food_group: Mapped[str] = mapped_column(String(4), index=True)
    kcal: Mapped[float | None] = mapped_column(Float)
    protein_g: Mapped[float | None] = mapped_column(Float)
    fat_g: Mapped[float | None] = mapped_column(Float)
    carbs_g: Mapped[float | None] = mapped_column(Float)
    fiber_g: Mapped[float | None] = mapped_column(Float)
    sugar_g: Mapped[float | None] = mapped_column(Float)
    calcium_mg: Mapped[float | None] = mapped_column(Float)
    iron_mg: Mapped[float | None] = mapped_column(Float)
    zinc_mg: Mapped[float | None] = mapped_column(Float)
    vitamin_c_mg: Mapped[float | None] = mapped_column(Float)
    vitamin_a_ug: Mapped[float | None] = mapped_column(Float)
    vitamin_d_ug: Mapped[float | None] = mapped_column(Float)
    folate_ug: Mapped[float | None] = mapped_column(Float)
    sodium_mg: Mapped[float | None] = mapped_column(Float)

    def __repr__(self) -> str:
        return f"Food({self.ndb_no!r}, {self.description!r})"


class FoodPortion(Base):
    """A household measure from SR28 WEIGHT: `amount` x `unit` of the food weighs `grams`."""

    __tablename__ = "food_portion"
    __table_args__ = (UniqueConstraint("ndb_no", "seq"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    ndb_no: Mapped[str] = mapped_column(String(5), ForeignKey("food.ndb_no", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)
    amount: Mapped[float] = mapped_column(Float)
    unit: Mapped[str] = mapped_column(String(40))  # normalised head word: "cup", "medium", "jar"
    description: Mapped[str] = mapped_column(String(100))  # SR28's own words: "cup, mashed"
    grams: Mapped[float] = mapped_column(Float)

    def __repr__(self) -> str:
        return f"FoodPortion({self.ndb_no!r}, {self.amount} {self.description!r} = {self.grams} g)"

"""Turning the food words of one item into SR28 foods: curated names first, then typo fixes, compounds
("peanut butter toast"), flavours ("chocolate cupcake") and the description search; else unknown.
`FoodTable` holds the records and indexes; this is its lookup half."""
from __future__ import annotations

from dataclasses import replace

from knowledge.foods.anchors import anchored, chatter_only
from knowledge.foods.bakes import flavoured_bake
from knowledge.foods.food_records import FoodRecord, Resolution, ResolvedFood
from knowledge.foods.names import CuratedName, NameIndex
from knowledge.foods.not_food import may_be_typo, not_food
from knowledge.foods.search import DescriptionIndex, desc_words
from knowledge.foods.text import DESCRIPTORS, STOPWORDS, content_tokens

_COOKING = frozenset({"steamed", "boiled", "cooked", "roasted", "baked", "sauteed", "sautéed", "grilled", "stewed"})
_NOT_CARRIERS = frozenset({"milk", "formula", "juice", "water", "drink", "soup"})
# Foods that carry a topping or mix-in: "peanut butter toast", "banana oatmeal", "chicken rice".
_CARRIERS = frozenset({"bread", "grain", "cereal", "yogurt", "infant_cereal", "snack", "baby_puree",
                       "mixed", "fruit", "veg", "dish"})
_DISHES = frozenset({"mixed", "soup", "dish"})
_FLAVOURS = frozenset({"fruit", "dried_fruit", "sweet", "spice", "spread", "nut", "veg"})  # "chocolate cupcake"
_FLAVOURED = frozenset({"dessert", "bread", "snack", "sweet", "cereal", "yogurt"})


class FoodLookup:
    """Resolution of food words against the table's records, names and search index (all set by FoodTable)."""

    records: dict[str, FoodRecord]
    names: NameIndex
    heads: frozenset[str]
    search_index: DescriptionIndex
    _resolved: dict[tuple[str, ...], Resolution]

    def resolve_named(self, target: str) -> Resolution:
        """Resolve a curated name ("baby yogurt") or an SR28 NDB number ("21309") as a whole item."""
        if target in self.records:
            record = self.records[target]
            return Resolution((ResolvedFood(record, self.category(record), "", 0, 0),))
        return self.resolve(target.split())

    def clear_caches(self) -> None:
        """Forget resolved phrases (the evaluation times lines from cold)."""
        self._resolved.clear()

    def resolve(self, words: list[str]) -> Resolution:
        """Find the food(s) named by `words` (already stripped of quantities), or return unknown."""
        key = tuple(words)
        found = self._resolved.get(key)
        if found is None:
            found = self._cooked(self._resolve(list(words)), words)
            if len(self._resolved) > 20_000:
                self._resolved.clear()
            self._resolved[key] = found
        return found

    def _resolve(self, words: list[str]) -> Resolution:
        content = content_tokens(words)
        if not content:
            return Resolution()
        entry = self.names.exact(" ".join(words))
        if entry is not None and entry.ndb_no in self.records:
            entry = flavoured_bake(self.names, words, entry) or entry  # "banana muffins" are muffins
            return Resolution(tuple(self._curated_all(entry, 0, len(words))))
        said = [i for i, w in enumerate(words) if w not in STOPWORDS]
        entry = self.names.exact(" ".join(words[i] for i in said)) if len(said) < len(words) else None
        if entry is not None and entry.ndb_no in self.records:  # "(a corn one) tortilla" is a corn tortilla
            start, end = (said[0], said[-1] + 1) if said[-1] - said[0] + 1 == len(said) else (0, 0)  # shown by its words
            return Resolution(tuple(self._curated_all(entry, start, end)))
        cover = self._cover(words)
        if sum(m.end - m.start for m in cover) < len(words):  # "grilled chese": a misspelt dish name
            entry = self.names.correct_phrase(" ".join(words))
            if entry is not None and entry.ndb_no in self.records and entry not in [m.entry for m in cover]:
                return Resolution(tuple(self._curated_all(entry, 0, len(words))))
        bare = [w for w in words if w not in DESCRIPTORS]
        if len(cover) > 1 and len(bare) < len(words) and (entry := self.names.exact(" ".join(bare))) is not None \
                and entry.ndb_no in self.records:  # "baked sweet potato fries": not a baked sweet potato and fries
            entry = flavoured_bake(self.names, words, entry) or entry  # "banana mini muffins"
            return Resolution(tuple(self._curated_all(entry, 0, len(words))))
        if cover and not _leftover(words, cover) and self._compound_ok(cover):
            if (entry := self._canonical(words, cover)) is not None:  # "cheese quesadila": a cheese quesadilla
                return Resolution(tuple(self._curated_all(entry, 0, len(words))))
            if len(cover) > 1:  # "veggie lasagna" is SR28's "Lasagna, Vegetable", not two foods
                whole = self.search_index.search(content_tokens(words), all_in_lead=True)
                if whole is not None:
                    return self._searched(whole, words)
            return self._from_cover(cover, words)
        fixed = self._corrected(words)
        entry = self.names.exact(" ".join(fixed)) if fixed != words else None
        if entry is not None and entry.ndb_no in self.records:  # "grilled chese"
            return Resolution(tuple(self._curated_all(entry, 0, len(words))))
        fixed_cover = self._cover(fixed) if fixed != words else cover
        complete = fixed_cover and not _leftover(fixed, fixed_cover) and self._compound_ok(fixed_cover)
        if fixed != words and complete:
            return self._from_cover(fixed_cover, fixed)
        searched = content_tokens(fixed)  # "14 people", "I kept an eye": ordinary words alone name no food
        hit = self.search_index.search(searched) if anchored(searched, self.heads) else None
        if hit is not None:
            return self._searched(hit, words)
        if (flavoured := self._flavoured(words, cover)) is not None:
            return flavoured
        for partial, basis in ((cover, words), (fixed_cover, fixed)):
            leftover = _leftover(basis, partial)
            if partial and leftover and self._compound_ok(partial) and (
                    not self._food_words(leftover) or self._trailing_chatter(basis, partial)):
                return self._from_cover(partial, basis)
        if all(not_food(w) for w in content) or chatter_only(content, self.heads):  # "in the garden": nothing to ask
            return Resolution()
        return Resolution(unknown=" ".join(content))

    def _cooked(self, found: Resolution, words: tuple[str, ...]) -> Resolution:
        """"steamed carrot sticks": a raw food said to be cooked is its cooked row, when the names have one."""
        cooking = [w for w in words if w in _COOKING]
        if not cooking or len(found.foods) != 1 or found.foods[0].dish is not None \
                or ", raw" not in found.foods[0].record.description.lower():
            return found
        food = found.foods[0]
        name = " ".join(w for w in self.part_name(food.record).split() if w not in ("raw", "fresh"))
        for phrase in (f"{cooking[0]} {name}", f"cooked {name}", f"{name} cooked"):
            entry = self.names.exact(phrase)
            record = self.records.get(entry.ndb_no) if entry is not None and not entry.components else None
            if record is not None and ", raw" not in record.description.lower():
                return Resolution((replace(self._curated(entry, food.start, food.end), unit_hint=food.unit_hint),))
        return found

    def curated_phrase(self, words: list[str]) -> CuratedName | None:
        """The curated name or dish the words spell, typos fixed ("spagetti with meat sauce"), else None."""
        phrase = " ".join(words)
        entry = self.names.exact(phrase) or self.names.exact(" ".join(self._corrected(words))) \
            or self.names.correct_phrase(phrase)
        return entry if entry is not None and entry.ndb_no in self.records else None

    def _flavoured(self, words: list[str], cover) -> Resolution | None:
        """"chocolate cupcake", "banana muffin": a flavour before a food that is no carrier is that food, in
        the flavour SR28 has for its kind ("Cake, chocolate, ...") or else as the plain food."""
        head = cover[-1] if len(cover) == 2 and not _leftover(words, cover) else None
        if head is None or head.entry.components or head.end != len(words) or head.entry.ndb_no not in self.records \
                or cover[0].entry.category not in _FLAVOURS or head.entry.category not in _FLAVOURED:
            return None
        kind = desc_words(self.records[head.entry.ndb_no].description.split(",")[0])
        flavour = content_tokens(words[: head.start])
        entry = self.names.exact(" ".join([*flavour, *kind])) if flavour and kind else None
        if entry is not None and flavoured_bake(self.names, [*flavour, *kind], entry) is not None:
            entry = head.entry  # "mini muffins (banana)": a muffin with banana in, not banana bread
        hit = self.search_index.search([*flavour, *kind], all_in_lead=True) if flavour and kind else None
        plain = self.records[head.entry.ndb_no]
        record = self.records[entry.ndb_no] if entry is not None and not entry.components and entry.ndb_no in \
            self.records else self.search_index.foods[hit.index] if hit is not None else plain
        sized = replace(record, portions=plain.portions)  # the flavour's nutrients, the food's sizes: a chocolate
        return Resolution((ResolvedFood(sized, head.entry.category, head.entry.unit, 0, len(words)),))  # cupcake
        # is one cupcake, not a piece of a chocolate cake

    def _canonical(self, words: list[str], cover) -> CuratedName | None:
        """The one curated name the words make once each covered name is spelled as its row says."""
        if len(cover) < 2:
            return None
        out, at = [], 0
        for m in cover:
            out += words[at : m.start] + [m.entry.name]
            at = m.end
        entry = self.names.exact(" ".join(out + words[at:]))
        return entry if entry is not None and entry.ndb_no in self.records else None

    def _cover(self, words: list[str]):
        """Curated names in `words`, minus lone preparation words ("boiled")."""
        return [m for m in self.names.cover(words, _is_content)
                if not all(w in DESCRIPTORS for w in words[m.start : m.end])]

    def _searched(self, hit, words: list[str]) -> Resolution:
        record = self.search_index.foods[hit.index]
        return Resolution((ResolvedFood(record, self.category(record), "", 0, len(words)),))

    def _from_cover(self, cover, words: list[str]) -> Resolution:
        if len(cover) > 1 and cover[-1].entry.category in _DISHES:
            last = cover[-1]
            tails = {" ".join(words[k : last.end]) for k in range(last.start, last.end)} | {last.entry.name}
            for m in cover[:-1]:  # "tofu veggie stir fry": a tofu stir fry, not the chicken one
                for tail in sorted(tails, key=len, reverse=True):
                    entry = self.names.exact(f"{m.entry.name} {tail}")
                    if entry is not None and entry.components and entry.ndb_no in self.records:
                        return Resolution(tuple(self._curated_all(entry, cover[0].start, last.end)))
            cover = cover[-1:]  # "lamb stew", "turkey chili": the word before names the dish's kind
        return Resolution(tuple(f for m in cover for f in self._curated_all(m.entry, m.start, m.end)))

    def _curated_all(self, entry: CuratedName, start: int, end: int) -> list[ResolvedFood]:
        """The food of a names.tsv row, or every component of a dish."""
        if not entry.components:
            return [self._curated(entry, start, end)]
        out = []
        for ndb_no, amount, unit in entry.components:
            record = self.records[ndb_no]
            out.append(ResolvedFood(record, self.category(record), "", start, end, (amount, unit), entry))
        return out

    def _compound_ok(self, cover) -> bool:
        """"peanut butter toast" is two foods; "oat milk" is not oats plus milk."""
        if len(cover) < 2:
            return True
        if cover[-1].entry.category not in _CARRIERS:
            return False
        return not any(m.entry.category in _NOT_CARRIERS for m in cover[:-1])

    def _trailing_chatter(self, words: list[str], cover) -> bool:
        """"strawberries red everything", "pancakes sticky everything": words after the food that name no food
        of their own (a colour or a texture word is a food word only with its food)."""
        tail = words[cover[-1].end:]
        before = [w for w in words[: cover[0].start] if _is_content(w)]
        return bool(tail) and not before and not self._cover(tail)

    def _food_words(self, words: list[str]) -> list[str]:
        """Words that name foods themselves: leaving them out would change the food."""
        return [w for w in words if (w in self.names.vocab_set or w in self.search_index.head_vocab) and not not_food(w)]

    def _curated(self, entry: CuratedName, start: int, end: int) -> ResolvedFood:
        return ResolvedFood(self.records[entry.ndb_no], entry.category, entry.unit, start, end)

    def _corrected(self, words: list[str]) -> list[str]:
        """Fix typos in words that neither the curated names nor SR28 know."""
        vocab = self.names.vocab_set
        out = []
        for word in words:
            if word in STOPWORDS or word in DESCRIPTORS or word in vocab or self.search_index.knows(word) \
                    or not may_be_typo(word):  # "rash" is not a misspelt radish
                out.append(word)
            else:
                out.append(self.names.correct(word) or word)
        return out


def _is_content(word: str) -> bool:
    return word not in STOPWORDS and word not in DESCRIPTORS


def _leftover(words: list[str], cover) -> list[str]:
    covered = {i for m in cover for i in range(m.start, m.end)}
    return [w for i, w in enumerate(words) if i not in covered and w in content_tokens([w])]

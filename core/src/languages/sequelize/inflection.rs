//! English plurals and singulars as the `inflection` package (1.13, which Sequelize v6 uses for
//! table names and association keys) makes them, quirks included: `Data` stays `Data`, `Leaf`
//! becomes `Leafs`, `Foot` becomes `feet` in lower case, `Shoes` becomes `Sho`.
//!
//! `inflection` runs an ordered list of suffix rules over the word (case-insensitively): the
//! first that matches decides, and the first rules of each list only recognise a word that is
//! already plural (or singular) and leave it as it is. Words that have one form for both
//! ([`UNCOUNTABLE`]) are never changed. The rules here are the same tests, written as suffix
//! checks; `inflection_cases.json` holds the real package's answers for the unit test.

/// Nouns `inflection` leaves unchanged in both directions.
const UNCOUNTABLE: &[&str] = &[
    "accommodation",
    "adulthood",
    "advertising",
    "advice",
    "aggression",
    "aid",
    "air",
    "aircraft",
    "alcohol",
    "anger",
    "applause",
    "arithmetic",
    "assistance",
    "athletics",
    "bacon",
    "baggage",
    "beef",
    "biology",
    "blood",
    "botany",
    "bread",
    "butter",
    "carbon",
    "cardboard",
    "cash",
    "chalk",
    "chaos",
    "chess",
    "crossroads",
    "countryside",
    "dancing",
    "deer",
    "dignity",
    "dirt",
    "dust",
    "economics",
    "education",
    "electricity",
    "engineering",
    "enjoyment",
    "envy",
    "equipment",
    "ethics",
    "evidence",
    "evolution",
    "fame",
    "fiction",
    "flour",
    "flu",
    "food",
    "fuel",
    "fun",
    "furniture",
    "gallows",
    "garbage",
    "garlic",
    "genetics",
    "gold",
    "golf",
    "gossip",
    "gratitude",
    "grief",
    "guilt",
    "gymnastics",
    "happiness",
    "hardware",
    "harm",
    "hate",
    "hatred",
    "health",
    "heat",
    "help",
    "homework",
    "honesty",
    "honey",
    "hospitality",
    "housework",
    "humour",
    "hunger",
    "hydrogen",
    "ice",
    "importance",
    "inflation",
    "information",
    "innocence",
    "iron",
    "irony",
    "jam",
    "jewelry",
    "judo",
    "karate",
    "knowledge",
    "lack",
    "laughter",
    "lava",
    "leather",
    "leisure",
    "lightning",
    "linguine",
    "linguini",
    "linguistics",
    "literature",
    "litter",
    "livestock",
    "logic",
    "loneliness",
    "luck",
    "luggage",
    "macaroni",
    "machinery",
    "magic",
    "management",
    "mankind",
    "marble",
    "mathematics",
    "mayonnaise",
    "measles",
    "methane",
    "milk",
    "minus",
    "money",
    "mud",
    "music",
    "mumps",
    "nature",
    "news",
    "nitrogen",
    "nonsense",
    "nurture",
    "nutrition",
    "obedience",
    "obesity",
    "oxygen",
    "pasta",
    "patience",
    "physics",
    "poetry",
    "pollution",
    "poverty",
    "pride",
    "psychology",
    "publicity",
    "punctuation",
    "quartz",
    "racism",
    "relaxation",
    "reliability",
    "research",
    "respect",
    "revenge",
    "rice",
    "rubbish",
    "rum",
    "safety",
    "scenery",
    "seafood",
    "seaside",
    "series",
    "shame",
    "sheep",
    "shopping",
    "sleep",
    "smoke",
    "smoking",
    "snow",
    "soap",
    "software",
    "soil",
    "spaghetti",
    "species",
    "steam",
    "stuff",
    "stupidity",
    "sunshine",
    "symmetry",
    "tennis",
    "thirst",
    "thunder",
    "timber",
    "traffic",
    "transportation",
    "trust",
    "underwear",
    "unemployment",
    "unity",
    "validity",
    "veal",
    "vegetation",
    "vegetarianism",
    "vengeance",
    "violence",
    "vitality",
    "warmth",
    "wealth",
    "weather",
    "welfare",
    "wheat",
    "wildlife",
    "wisdom",
    "yoga",
    "zinc",
    "zoology",
];

/// A word with its lower-case form, for suffix tests that keep the word's own case.
struct Word<'a> {
    text: &'a str,
    lower: String,
}

impl Word<'_> {
    fn ends(&self, suffix: &str) -> bool {
        self.lower.ends_with(suffix)
    }

    fn ends_any(&self, suffixes: &[&str]) -> bool {
        suffixes.iter().any(|s| self.ends(s))
    }

    fn is(&self, word: &str) -> bool {
        self.lower == word
    }

    fn is_any(&self, words: &[&str]) -> bool {
        words.iter().any(|w| self.is(w))
    }

    /// The character `n` bytes before the end (ASCII suffixes only are tested).
    fn before(&self, suffix_len: usize) -> Option<u8> {
        self.lower.len().checked_sub(suffix_len + 1).map(|i| self.lower.as_bytes()[i])
    }

    /// `suffix` preceded by a letter that is not one of `not` (`([^aeiouy])ies$`).
    fn ends_after_other(&self, suffix: &str, not: &[u8]) -> bool {
        self.ends(suffix) && self.before(suffix.len()).is_some_and(|c| !not.contains(&c))
    }

    /// The word without its last `n` bytes, then `tail`.
    fn cut(&self, n: usize, tail: &str) -> String {
        format!("{}{tail}", &self.text[..self.text.len() - n])
    }

    fn plus(&self, tail: &str) -> String {
        format!("{}{tail}", self.text)
    }
}

const VOWELS_Y: &[u8] = b"aeiouy";

/// `([^aeiouy]|qu)` + `suffix` at the end.
fn consonant_or_qu_then(word: &Word, suffix: &str) -> bool {
    word.ends_after_other(suffix, VOWELS_Y) || word.ends(&format!("qu{suffix}"))
}

/// `((a)naly|(b)a|(d)iagno|(p)arenthe|(p)rogno|(s)ynop|(t)he)ses$`: whether it matches, and the
/// text of `inflection`'s second capture group (the `a` of `analy`, in the word's own case; empty
/// for the other stems), which its singular rule writes back (`Analyses` → `AnalyAsis`).
fn analysis_stem(word: &Word) -> Option<String> {
    if word.ends("analyses") {
        let at = word.text.len() - "analyses".len();
        return Some(word.text[at..at + 1].to_string());
    }
    ["bases", "diagnoses", "parentheses", "prognoses", "synopses", "theses"].iter().any(|s| word.ends(s)).then(String::new)
}

/// Whether `word` is already plural for `inflection` (its first plural rules).
fn looks_plural(w: &Word) -> bool {
    w.is_any(&["men", "women"])
        || w.ends_any(&["people", "children", "ta", "ia"])
        || analysis_stem(w).is_some()
        || w.ends_any(&["databases", "drives", "hives", "tives", "curves", "lves", "rves"])
        || w.ends_after_other("ves", b"fo")
        || consonant_or_qu_then(w, "ies")
        || w.ends_any(&["series", "movies", "xes", "ches", "sses", "shes"])
        || (w.ends("ice") && matches!(w.before(3), Some(b'm' | b'|' | b'l')))
        || w.ends_any(&["buses", "oes", "shoes", "crises", "axes", "testes", "octopuses", "viruses"])
        || w.ends_any(&["aliases", "canvases", "statuses", "campuses"])
        || w.is_any(&["summonses", "bonuses"])
        || w.lower.starts_with("oxen")
        || w.ends("matrices")
        || w.is_any(&["feet", "teeth", "geese"])
        || w.ends("quizzes")
        || w.is_any(&["whereases", "criteria", "genera"])
}

/// `inflection.pluralize`.
pub fn pluralize(text: &str) -> String {
    let w = Word { text, lower: text.to_lowercase() };
    if UNCOUNTABLE.contains(&w.lower.as_str()) || looks_plural(&w) {
        return text.to_string();
    }
    if w.is_any(&["man", "woman"]) {
        w.cut(2, "en")
    } else if w.ends("person") {
        w.cut(4, "ople")
    } else if w.ends("child") {
        w.plus("ren")
    } else if w.ends("drive") {
        w.plus("s")
    } else if w.is("ox") {
        w.plus("en")
    } else if w.ends_any(&["axis", "testis"]) {
        w.cut(2, "es")
    } else if w.ends_any(&["octopus", "virus"]) {
        w.cut(2, "uses")
    } else if w.ends_any(&["alias", "status", "canvas", "campus"]) || w.is_any(&["summons", "bonus"]) {
        w.plus("es")
    } else if w.ends("bus") {
        w.cut(1, "ses")
    } else if w.ends_any(&["buffalo", "tomato", "potato"]) {
        w.plus("es")
    } else if w.ends_any(&["tum", "ium"]) {
        w.cut(2, "a")
    } else if w.ends("sis") {
        w.cut(3, "ses")
    } else if w.ends_after_other("fe", b"f") {
        w.cut(2, "ves")
    } else if w.ends_any(&["lf", "rf"]) {
        w.cut(1, "ves")
    } else if w.ends_any(&["hive", "tive"]) {
        w.plus("s")
    } else if consonant_or_qu_then(&w, "y") {
        w.cut(1, "ies")
    } else if w.ends("matrix") || w.ends_any(&["vertex", "index"]) {
        w.cut(2, "ices")
    } else if w.ends_any(&["x", "ch", "ss", "sh"]) {
        w.plus("es")
    } else if w.ends("ouse") && matches!(w.before(4), Some(b'm' | b'|' | b'l')) {
        w.cut(4, "ice")
    } else if w.is("foot") {
        "feet".into()
    } else if w.is("tooth") {
        "teeth".into()
    } else if w.is("goose") {
        "geese".into()
    } else if w.ends("quiz") {
        w.plus("zes")
    } else if w.is("whereas") {
        w.plus("es")
    } else if w.is("criterion") {
        w.cut(2, "a")
    } else if w.is("genus") {
        "genera".into()
    } else if w.ends("s") {
        text.to_string()
    } else {
        w.plus("s")
    }
}

/// Whether `word` is already singular for `inflection` (its first singular rules).
fn looks_singular(w: &Word) -> bool {
    w.is_any(&["man", "woman", "ox", "summons", "bonus", "foot", "tooth", "goose", "whereas", "criterion", "genus"])
        || w.ends_any(&["person", "child", "drive", "axis", "testis", "octopus", "virus", "alias", "status", "canvas", "campus", "bus"])
        || w.ends_any(&["buffalo", "tomato", "potato", "tum", "ium", "sis"])
        || w.ends_after_other("fe", b"f")
        || w.ends_any(&["lf", "rf", "hive", "tive"])
        || consonant_or_qu_then(w, "y")
        || w.ends_any(&["x", "ch", "ss", "sh", "matrix", "quiz"])
        || (w.ends("ouse") && matches!(w.before(4), Some(b'm' | b'|' | b'l')))
}

/// `inflection.singularize`.
pub fn singularize(text: &str) -> String {
    let w = Word { text, lower: text.to_lowercase() };
    if UNCOUNTABLE.contains(&w.lower.as_str()) || looks_singular(&w) {
        return text.to_string();
    }
    if w.is_any(&["men", "women"]) {
        w.cut(2, "an")
    } else if w.ends("people") {
        w.cut(4, "rson")
    } else if w.ends("children") {
        w.cut(3, "")
    } else if w.ends_any(&["databases", "drives"]) {
        w.cut(1, "")
    } else if w.is("genera") {
        "genus".into()
    } else if w.is("criteria") {
        w.cut(1, "on")
    } else if w.ends_any(&["ta", "ia"]) {
        w.cut(1, "um")
    } else if let Some(second) = analysis_stem(&w) {
        w.cut(3, &format!("{second}sis"))
    } else if w.ends_any(&["hives", "tives", "curves"]) {
        w.cut(1, "")
    } else if w.ends_any(&["lves", "rves"]) {
        w.cut(3, "f")
    } else if w.ends("aves") {
        w.cut(1, "")
    } else if w.ends_after_other("ves", b"fo") {
        w.cut(3, "fe")
    } else if w.ends("movies") {
        w.cut(1, "")
    } else if consonant_or_qu_then(&w, "ies") {
        w.cut(3, "y")
    } else if w.ends("series") {
        text.to_string()
    } else if w.ends_any(&["xes", "ches", "sses", "shes"]) {
        w.cut(2, "")
    } else if w.ends("ice") && matches!(w.before(3), Some(b'm' | b'|' | b'l')) {
        w.cut(3, "ouse")
    } else if w.ends_any(&["buses", "oes"]) {
        w.cut(2, "")
    } else if w.ends("shoes") {
        w.cut(1, "")
    } else if w.ends_any(&["crises", "axes", "testes"]) {
        w.cut(2, "is")
    } else if w.ends_any(&["octopuses", "viruses"]) {
        w.cut(4, "us")
    } else if w.ends_any(&["aliases", "canvases", "statuses", "campuses"]) || w.is_any(&["summonses", "bonuses"]) {
        w.cut(2, "")
    } else if w.lower.starts_with("oxen") {
        format!("{}{}", &text[..2], &text[4..])
    } else if w.ends("matrices") {
        w.cut(4, "ix")
    } else if w.ends_any(&["vertices", "indices"]) {
        w.cut(4, "ex")
    } else if w.is("feet") {
        "foot".into()
    } else if w.is("teeth") {
        "tooth".into()
    } else if w.is("geese") {
        "goose".into()
    } else if w.ends("quizzes") {
        w.cut(3, "")
    } else if w.is("whereases") {
        w.cut(2, "")
    } else if w.ends("ss") {
        text.to_string()
    } else if w.ends("s") {
        w.cut(1, "")
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The answers of the real `inflection` 1.13.4 (`node_modules/inflection`) for these words.
    #[test]
    fn the_same_answers_as_the_inflection_package() {
        let cases: Vec<(String, String, String)> = serde_json::from_str(include_str!("inflection_cases.json")).expect("cases");
        let mut wrong = Vec::new();
        for (word, plural, singular) in &cases {
            if &pluralize(word) != plural {
                wrong.push(format!("pluralize({word}) = {}, inflection says {plural}", pluralize(word)));
            }
            if &singularize(word) != singular {
                wrong.push(format!("singularize({word}) = {}, inflection says {singular}", singularize(word)));
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
        assert!(cases.len() > 150);
    }
}

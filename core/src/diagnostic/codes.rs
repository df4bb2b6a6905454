//! Every diagnostic code in one table: the code, its default severity, and (through
//! [`Code::doc`]) its documentation. A code is a value of [`Code`], not a string that the catalog,
//! the docs and the fixtures must spell alike; `core/tests/rules.rs` walks [`Code::ALL`] and
//! demands for each a fixture that triggers it and one that passes, or a stated exemption.
//!
//! Letters: `P` syntax, `N` names and types, `R` relations, `T` ORM code, `G` generation.

use super::rule_docs::{rule_doc, RuleDoc};
use super::Severity;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

macro_rules! codes {
    ($($code:ident => $severity:ident,)*) => {
        /// A diagnostic code.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Code {
            $($code,)*
        }

        impl Code {
            /// Every code, in the order of the table.
            pub const ALL: &'static [Code] = &[$(Code::$code,)*];

            /// The code as written in messages and JSON (`R017`).
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$code => stringify!($code),)*
                }
            }

            /// The severity the code is reported with unless its rule or the source's profile says otherwise.
            pub fn default_severity(self) -> Severity {
                match self {
                    $(Code::$code => Severity::$severity,)*
                }
            }
        }
    };
}

codes! {
    // syntax
    P001 => Error,
    P002 => Error,
    P003 => Error,
    P004 => Error,
    P005 => Error,
    P006 => Error,
    P007 => Error,
    P008 => Error,
    P009 => Error,
    P010 => Error,
    P011 => Error,
    P012 => Error,
    P013 => Error,
    P014 => Error,
    P015 => Error,
    P016 => Info,
    P017 => Info,
    P018 => Error,
    P019 => Error,
    P020 => Info,
    P021 => Error,
    P022 => Error,
    P023 => Error,
    // names and types
    N001 => Error,
    N002 => Error,
    N003 => Error,
    N004 => Error,
    N005 => Error,
    N006 => Error,
    N007 => Info,
    N008 => Error,
    N009 => Error,
    N010 => Error,
    N011 => Error,
    N012 => Error,
    N013 => Error,
    N014 => Error,
    N015 => Error,
    N016 => Error,
    N017 => Error,
    N018 => Error,
    N019 => Error,
    N020 => Error,
    N021 => Error,
    N022 => Error,
    N023 => Error,
    N024 => Error,
    N025 => Warning,
    N026 => Error,
    N027 => Error,
    N028 => Error,
    N029 => Error,
    N030 => Error,
    N031 => Error,
    N032 => Error,
    N033 => Error,
    N034 => Error,
    N035 => Error,
    N036 => Error,
    N037 => Error,
    N038 => Error,
    N039 => Error,
    N040 => Error,
    N041 => Error,
    N042 => Error,
    N043 => Error,
    N044 => Error,
    N045 => Error,
    N046 => Error,
    N047 => Error,
    N048 => Error,
    N049 => Error,
    N050 => Error,
    N051 => Error,
    N052 => Error,
    N053 => Error,
    N054 => Error,
    N055 => Error,
    N056 => Error,
    N057 => Error,
    N058 => Error,
    N059 => Error,
    N060 => Error,
    N061 => Error,
    N062 => Warning,
    N063 => Error,
    N064 => Error,
    N065 => Error,
    N066 => Error,
    N067 => Error,
    // relations
    R001 => Error,
    R002 => Error,
    R003 => Error,
    R004 => Error,
    R005 => Error,
    R006 => Error,
    R007 => Error,
    R008 => Error,
    R009 => Error,
    R010 => Error,
    R011 => Error,
    R012 => Error,
    R013 => Error,
    R014 => Error,
    R015 => Error,
    R016 => Error,
    R017 => Error,
    R018 => Error,
    R019 => Error,
    R020 => Error,
    R021 => Error,
    R022 => Error,
    R023 => Warning,
    R024 => Error,
    R025 => Error,
    R026 => Error,
    R027 => Error,
    R028 => Warning,
    R029 => Info,
    R030 => Error,
    R031 => Error,
    R032 => Error,
    R033 => Warning,
    R034 => Error,
    // ORM code (TypeORM, Sequelize, VibORM)
    T001 => Warning,
    T002 => Info,
    T003 => Error,
    T004 => Error,
    T005 => Warning,
    T006 => Warning,
    T007 => Warning,
    T008 => Error,
    T009 => Error,
    T010 => Warning,
    T011 => Error,
    T012 => Error,
    T013 => Warning,
    T014 => Warning,
    T015 => Error,
    T016 => Error,
    T017 => Error,
    T018 => Error,
    T019 => Warning,
    T020 => Warning,
    // generation
    G001 => Warning,
}

impl Code {
    /// The code written `text`, if there is one.
    pub fn from_name(text: &str) -> Option<Code> {
        Code::ALL.iter().copied().find(|code| code.as_str().eq_ignore_ascii_case(text))
    }

    /// The code's documentation.
    pub fn doc(self) -> Option<&'static RuleDoc> {
        rule_doc(self.as_str())
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<str> for Code {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Code {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Code, D::Error> {
        let text = String::deserialize(deserializer)?;
        Code::from_name(&text).ok_or_else(|| serde::de::Error::custom(format!("unknown diagnostic code {text}")))
    }
}

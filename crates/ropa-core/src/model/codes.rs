//! Closed sets of legal codes fixed by the GDPR itself.
//!
//! Each variant serialises to the code used in `assets/reference/legal_bases.json` and
//! `assets/reference/transfer_mechanisms.json` (for example `ART6_1_F`); those files carry the
//! labels in English and German. Open sets that change over time (countries, adequacy decisions,
//! national-law provisions, statutory retention rules) are plain string codes validated against
//! the reference data instead, see [`crate::reference`].

use serde::{Deserialize, Serialize};

macro_rules! code_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $code:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(feature = "ts", derive(ts_rs::TS))]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $code)] $variant),+
        }

        impl $name {
            /// Every variant, in legal order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stable code stored in the register (e.g. `ART6_1_A`).
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            /// Parses a stored code; `None` when the code is not part of this set.
            pub fn from_code(code: &str) -> Option<Self> {
                match code { $($code => Some($name::$variant),)+ _ => None }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.code())
            }
        }
    };
}

code_enum! {
    /// Art. 6(1) GDPR: the lawful bases of processing.
    LegalBasis {
        /// (a) consent.
        Consent = "ART6_1_A",
        /// (b) contract or pre-contractual steps.
        Contract = "ART6_1_B",
        /// (c) legal obligation.
        LegalObligation = "ART6_1_C",
        /// (d) vital interests.
        VitalInterests = "ART6_1_D",
        /// (e) public task or official authority.
        PublicTask = "ART6_1_E",
        /// (f) legitimate interests.
        LegitimateInterests = "ART6_1_F",
    }
}

impl LegalBasis {
    /// The letter of Art. 6(1) (`a`–`f`).
    pub fn letter(self) -> char {
        match self {
            LegalBasis::Consent => 'a',
            LegalBasis::Contract => 'b',
            LegalBasis::LegalObligation => 'c',
            LegalBasis::VitalInterests => 'd',
            LegalBasis::PublicTask => 'e',
            LegalBasis::LegitimateInterests => 'f',
        }
    }
}

code_enum! {
    /// Art. 9(1) GDPR: special categories of personal data.
    SpecialCategory {
        /// Racial or ethnic origin.
        RacialEthnic = "SC_RACIAL_ETHNIC",
        /// Political opinions.
        Political = "SC_POLITICAL",
        /// Religious or philosophical beliefs.
        ReligiousPhilosophical = "SC_RELIGIOUS_PHILOSOPHICAL",
        /// Trade-union membership.
        TradeUnion = "SC_TRADE_UNION",
        /// Genetic data.
        Genetic = "SC_GENETIC",
        /// Biometric data for unique identification.
        Biometric = "SC_BIOMETRIC_UNIQUE_ID",
        /// Data concerning health.
        Health = "SC_HEALTH",
        /// Sex life.
        SexLife = "SC_SEX_LIFE",
        /// Sexual orientation.
        SexualOrientation = "SC_SEXUAL_ORIENTATION",
    }
}

code_enum! {
    /// Art. 9(2) GDPR: conditions lifting the prohibition on special-category data.
    Art9Condition {
        /// (a) explicit consent.
        ExplicitConsent = "ART9_2_A",
        /// (b) employment and social-security law.
        Employment = "ART9_2_B",
        /// (c) vital interests.
        VitalInterests = "ART9_2_C",
        /// (d) not-for-profit bodies.
        NotForProfit = "ART9_2_D",
        /// (e) manifestly made public.
        MadePublic = "ART9_2_E",
        /// (f) legal claims.
        LegalClaims = "ART9_2_F",
        /// (g) substantial public interest.
        PublicInterest = "ART9_2_G",
        /// (h) health or social care.
        HealthCare = "ART9_2_H",
        /// (i) public health.
        PublicHealth = "ART9_2_I",
        /// (j) archiving, research, statistics.
        Research = "ART9_2_J",
    }
}

code_enum! {
    /// Modules of the standard contractual clauses of Implementing Decision (EU) 2021/914.
    SccModule {
        /// Module 1: controller to controller.
        ControllerToController = "SCC_2021_914_M1",
        /// Module 2: controller to processor.
        ControllerToProcessor = "SCC_2021_914_M2",
        /// Module 3: processor to processor.
        ProcessorToProcessor = "SCC_2021_914_M3",
        /// Module 4: processor to controller.
        ProcessorToController = "SCC_2021_914_M4",
    }
}

code_enum! {
    /// Art. 49(1) first subparagraph GDPR: derogations for specific situations.
    Art49Derogation {
        /// (a) explicit consent after being informed of the risks.
        ExplicitConsent = "XFER_49_1_A",
        /// (b) contract with the data subject.
        Contract = "XFER_49_1_B",
        /// (c) contract in the data subject's interest.
        ContractInInterest = "XFER_49_1_C",
        /// (d) important reasons of public interest.
        PublicInterest = "XFER_49_1_D",
        /// (e) legal claims.
        LegalClaims = "XFER_49_1_E",
        /// (f) vital interests.
        VitalInterests = "XFER_49_1_F",
        /// (g) public register.
        PublicRegister = "XFER_49_1_G",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_through_serde() {
        for b in LegalBasis::ALL {
            let json = serde_json::to_string(b).unwrap();
            assert_eq!(json, format!("\"{}\"", b.code()));
            assert_eq!(LegalBasis::from_code(b.code()), Some(*b));
        }
        assert_eq!(LegalBasis::from_code("ART6_1_Z"), None);
        assert!(serde_json::from_str::<SccModule>("\"SCC_2021_914_M5\"").is_err());
        assert_eq!(LegalBasis::LegitimateInterests.letter(), 'f');
    }
}

//! Chapter V: transfers to third countries and international organisations, Art. 30(1)(e) and
//! 30(2)(c). Every recipient outside the EEA needs a recorded transfer, every transfer a
//! destination and a valid mechanism; invalid mechanisms (Privacy Shield, the pre-2021 SCCs),
//! DPF claims that cannot hold and adequacy decisions used outside their scope are reported.

mod mechanisms;

use super::text::{act_de, act_en, country, join, party_de, party_en, q_de, q_en};
use super::{Art30Letter, Cx, RuleInfo, Target, define_rule};
use crate::model::{Language, LocalText, Party, PartyKind, Transfer, TransferMechanism};
use crate::reference::reference;
use std::collections::{BTreeMap, HashSet};

define_rule!(
    THIRD_COUNTRY_NO_TRANSFER,
    "RECIPIENT_THIRD_COUNTRY_NO_TRANSFER",
    Error,
    Transfers,
    Some(Art30Letter::C1E),
    "Art. 30(1)(e), 44 GDPR",
    "Art. 30 Abs. 1 lit. e, Art. 44 DSGVO",
    "Recipient outside the EEA without a recorded transfer",
    "Empfänger außerhalb des EWR ohne erfasste Übermittlung"
);
define_rule!(
    RECIPIENT_COUNTRY_UNKNOWN,
    "RECIPIENT_COUNTRY_UNKNOWN",
    Warning,
    Transfers,
    Some(Art30Letter::C1E),
    "Art. 30(1)(d), (e) GDPR",
    "Art. 30 Abs. 1 lit. d, e DSGVO",
    "Recipient without a country",
    "Empfänger ohne Land"
);
define_rule!(
    DESTINATION_MISSING,
    "TRANSFER_DESTINATION_MISSING",
    Error,
    Transfers,
    Some(Art30Letter::C1E),
    "Art. 30(1)(e), 30(2)(c) GDPR",
    "Art. 30 Abs. 1 lit. e, Abs. 2 lit. c DSGVO",
    "Transfer without a destination country or organisation",
    "Übermittlung ohne Drittland oder internationale Organisation"
);
define_rule!(
    RECIPIENT_NOT_LISTED,
    "TRANSFER_RECIPIENT_NOT_LISTED",
    Warning,
    Transfers,
    Some(Art30Letter::C1D),
    "Art. 30(1)(d), (e) GDPR",
    "Art. 30 Abs. 1 lit. d, e DSGVO",
    "Data importer not listed among the activity's recipients",
    "Datenimporteur nicht unter den Empfängern der Tätigkeit"
);
define_rule!(
    MECHANISM_MISSING,
    "TRANSFER_MECHANISM_MISSING",
    Error,
    Transfers,
    None,
    "Art. 44–46, 49 GDPR",
    "Art. 44–46, 49 DSGVO",
    "Transfer without a transfer mechanism",
    "Übermittlung ohne Garantie oder Rechtsgrundlage nach Kapitel V"
);
define_rule!(
    PRIVACY_SHIELD,
    "TRANSFER_PRIVACY_SHIELD",
    Error,
    Transfers,
    None,
    "Art. 44, 45 GDPR; CJEU C-311/18",
    "Art. 44, 45 DSGVO; EuGH C-311/18",
    "Transfer relies on the invalid Privacy Shield",
    "Übermittlung stützt sich auf den ungültigen Privacy Shield"
);
define_rule!(
    LEGACY_SCC,
    "TRANSFER_LEGACY_SCC",
    Error,
    Transfers,
    None,
    "Art. 46(2)(c) GDPR; Implementing Decision (EU) 2021/914",
    "Art. 46 Abs. 2 lit. c DSGVO; Durchführungsbeschluss (EU) 2021/914",
    "Transfer relies on expired pre-2021 standard contractual clauses",
    "Übermittlung stützt sich auf ausgelaufene Standardvertragsklauseln vor 2021"
);
define_rule!(
    SCC_DATE_MISSING,
    "TRANSFER_SCC_DATE_MISSING",
    Warning,
    Transfers,
    None,
    "Art. 46(2)(c), 5(2) GDPR",
    "Art. 46 Abs. 2 lit. c, Art. 5 Abs. 2 DSGVO",
    "Standard contractual clauses without a signing date",
    "Standardvertragsklauseln ohne Abschlussdatum"
);
define_rule!(
    SCC_BEFORE_2021,
    "TRANSFER_SCC_BEFORE_2021",
    Error,
    Transfers,
    None,
    "Art. 46(2)(c) GDPR; Implementing Decision (EU) 2021/914",
    "Art. 46 Abs. 2 lit. c DSGVO; Durchführungsbeschluss (EU) 2021/914",
    "2021 clauses recorded with a date before they existed",
    "Klauseln von 2021 mit einem Datum vor ihrem Erlass erfasst"
);
define_rule!(
    TIA_MISSING,
    "TRANSFER_TIA_MISSING",
    Warning,
    Transfers,
    None,
    "Art. 46(1) GDPR; CJEU C-311/18",
    "Art. 46 Abs. 1 DSGVO; EuGH C-311/18",
    "Art. 46 transfer without a transfer impact assessment",
    "Übermittlung nach Art. 46 ohne Transfer Impact Assessment"
);
define_rule!(
    DPF_NOT_US,
    "TRANSFER_DPF_NOT_US",
    Error,
    Transfers,
    None,
    "Art. 45 GDPR; Implementing Decision (EU) 2023/1795",
    "Art. 45 DSGVO; Durchführungsbeschluss (EU) 2023/1795",
    "Data Privacy Framework used for a recipient outside the US",
    "Data Privacy Framework für einen Empfänger außerhalb der USA"
);
define_rule!(
    DPF_CHECK_MISSING,
    "TRANSFER_DPF_CHECK_MISSING",
    Warning,
    Transfers,
    None,
    "Art. 45 GDPR; Implementing Decision (EU) 2023/1795",
    "Art. 45 DSGVO; Durchführungsbeschluss (EU) 2023/1795",
    "DPF certification never checked",
    "DPF-Zertifizierung nicht geprüft"
);
define_rule!(
    DPF_CHECK_STALE,
    "TRANSFER_DPF_CHECK_STALE",
    Warning,
    Transfers,
    None,
    "Art. 45 GDPR; Implementing Decision (EU) 2023/1795",
    "Art. 45 DSGVO; Durchführungsbeschluss (EU) 2023/1795",
    "DPF certification check out of date",
    "Prüfung der DPF-Zertifizierung veraltet"
);
define_rule!(
    ADEQUACY_MISMATCH,
    "TRANSFER_ADEQUACY_MISMATCH",
    Error,
    Transfers,
    None,
    "Art. 45(1) GDPR",
    "Art. 45 Abs. 1 DSGVO",
    "Adequacy decision does not cover the destination",
    "Angemessenheitsbeschluss deckt das Zielland nicht ab"
);
define_rule!(
    ADEQUACY_EXPIRED,
    "TRANSFER_ADEQUACY_EXPIRED",
    Error,
    Transfers,
    None,
    "Art. 45 GDPR",
    "Art. 45 DSGVO",
    "Adequacy decision expired",
    "Angemessenheitsbeschluss ausgelaufen"
);
define_rule!(
    ADEQUACY_SCOPE,
    "TRANSFER_ADEQUACY_SCOPE",
    Info,
    Transfers,
    None,
    "Art. 45 GDPR",
    "Art. 45 DSGVO",
    "Adequacy decision with a restricted scope: confirm the recipient is covered",
    "Angemessenheitsbeschluss mit eingeschränktem Anwendungsbereich: Erfassung des Empfängers bestätigen"
);
define_rule!(
    ART49_REPETITIVE,
    "TRANSFER_ART49_REPETITIVE",
    Warning,
    Transfers,
    None,
    "Art. 49(1) GDPR; EDPB Guidelines 2/2018",
    "Art. 49 Abs. 1 DSGVO; EDSA-Leitlinien 2/2018",
    "Art. 49 derogation used for repetitive transfers",
    "Ausnahme nach Art. 49 für wiederholte Übermittlungen genutzt"
);
define_rule!(
    COMPELLING_REPETITIVE,
    "TRANSFER_COMPELLING_REPETITIVE",
    Error,
    Transfers,
    None,
    "Art. 49(1) second subparagraph GDPR",
    "Art. 49 Abs. 1 UAbs. 2 DSGVO",
    "Compelling legitimate interests used for repetitive transfers",
    "Zwingende berechtigte Interessen für wiederholte Übermittlungen genutzt"
);

/// The rules of this family.
pub(crate) const RULES: &[RuleInfo] = &[
    THIRD_COUNTRY_NO_TRANSFER,
    RECIPIENT_COUNTRY_UNKNOWN,
    DESTINATION_MISSING,
    RECIPIENT_NOT_LISTED,
    MECHANISM_MISSING,
    PRIVACY_SHIELD,
    LEGACY_SCC,
    SCC_DATE_MISSING,
    SCC_BEFORE_2021,
    TIA_MISSING,
    DPF_NOT_US,
    DPF_CHECK_MISSING,
    DPF_CHECK_STALE,
    ADEQUACY_MISMATCH,
    ADEQUACY_EXPIRED,
    ADEQUACY_SCOPE,
    ART49_REPETITIVE,
    COMPELLING_REPETITIVE,
];

/// Adoption of Implementing Decision (EU) 2021/914: 2021 clauses cannot predate it.
pub(crate) fn check(cx: &mut Cx<'_>) {
    recipients(cx);
    let reg = cx.reg;
    for t in &reg.transfers {
        if let Some(aid) = &t.activity
            && cx.activity(aid).is_some_and(|a| !a.is_live())
        {
            continue;
        }
        transfer(cx, t);
    }
}

/// Recipients established outside the EEA without a transfer, and recipients of unknown
/// country.
fn recipients(cx: &mut Cx<'_>) {
    let r = reference();
    // Parties without a country, with the activities that use them (BTreeMap: stable order).
    let mut unknown: BTreeMap<usize, (&str, Vec<String>)> = BTreeMap::new();
    let reg = cx.reg;
    let party_index = |id: &str| reg.parties.iter().position(|p| p.id == id);

    for a in cx.live_activities() {
        let mut seen = HashSet::new();
        for (i, rec) in a.recipients.iter().enumerate() {
            let Some(p) = cx.party(&rec.party) else {
                continue;
            };
            if !seen.insert(p.id.as_str()) {
                continue;
            }
            match p.country.as_deref() {
                None if p.kind == PartyKind::Entity => {
                    if let Some(ix) = party_index(&p.id) {
                        unknown
                            .entry(ix)
                            .or_insert((p.id.as_str(), Vec::new()))
                            .1
                            .push(a.reference.clone());
                    }
                }
                Some(c) if r.country(c).is_some() && !r.is_eea(c) => {
                    let has_transfer = reg
                        .transfers
                        .iter()
                        .any(|t| t.activity.as_deref() == Some(a.id.as_str()) && t.party == p.id);
                    if !has_transfer {
                        let (ce, cd) = (country(c, false), country(c, true));
                        let (ae, ad) = (act_en(a), act_de(a));
                        let (pe, pd) = (party_en(p), party_de(p));
                        cx.emit(
                            &THIRD_COUNTRY_NO_TRANSFER,
                            Target::activity(a, Some(format!("recipients[{i}].party"))),
                            format!(
                                "{ae} discloses data to {pe}, established outside the EEA ({ce}), but records no transfer to it. Record the transfer with its destination and mechanism (adequacy decision, DPF, SCCs, …), or correct the recipient's country if the data stays in the EEA."
                            ),
                            format!(
                                "Die {ad} gibt Daten an {pd} mit Sitz außerhalb des EWR ({cd}) weiter, eine Übermittlung ist aber nicht erfasst. Erfassen Sie die Übermittlung mit Zielland und Garantie (Angemessenheitsbeschluss, DPF, Standardvertragsklauseln …) oder korrigieren Sie das Land des Empfängers, wenn die Daten im EWR bleiben."
                            ),
                        );
                    }
                }
                _ => {}
            }
        }
    }
    for t in &reg.transfers {
        if let Some(p) = cx.party(&t.party)
            && p.country.is_none()
            && p.kind == PartyKind::Entity
            && let Some(ix) = party_index(&p.id)
        {
            unknown.entry(ix).or_insert((p.id.as_str(), Vec::new()));
        }
    }
    for (id, mut refs) in unknown.into_values() {
        let Some(p) = cx.party(id) else { continue };
        refs.dedup();
        let used_en = if refs.is_empty() {
            "It receives personal data in a transfer".to_owned()
        } else {
            format!("It receives personal data in {}", join(&refs, false))
        };
        let used_de = if refs.is_empty() {
            "Er erhält personenbezogene Daten im Rahmen einer Übermittlung".to_owned()
        } else {
            format!("Er erhält personenbezogene Daten in {}", join(&refs, true))
        };
        cx.emit(
            &RECIPIENT_COUNTRY_UNKNOWN,
            Target::party(p, Some("country")),
            format!(
                "The recipient {} has no country. {used_en}. Record the country of the entity that receives the data, so that transfers outside the EEA can be recognised.",
                party_en(p)
            ),
            format!(
                "Für den Empfänger {} ist kein Land erfasst. {used_de}. Tragen Sie das Land der empfangenden Stelle ein, damit Übermittlungen in Drittländer erkannt werden.",
                party_de(p)
            ),
        );
    }
}

/// What every finding on one transfer begins with: which transfer (importer and destination),
/// in which activity, under which letter of Art. 30.
struct About<'t> {
    t: &'t Transfer,
    party: Option<&'t Party>,
    importer: LocalText,
    dest_en: String,
    dest_de: String,
    label: String,
    /// "The transfer to „X" (country)" in English and German.
    te: String,
    td: String,
    /// " in activity A-1 …" / " im Rahmen der Tätigkeit …", empty without an activity.
    ctx_en: String,
    ctx_de: String,
    letter: Art30Letter,
}

impl<'t> About<'t> {
    fn new(cx: &Cx<'t>, t: &'t Transfer) -> About<'t> {
        let party = cx.party(&t.party);

        let importer = party
            .map(|p| p.name.clone())
            .unwrap_or_else(|| t.party.as_str().into());
        let (dest_en, dest_de) = match (&t.country, &t.international_organisation) {
            (Some(c), _) => (country(c, false), country(c, true)),
            (None, Some(io)) => (io.clone(), io.clone()),
            (None, None) => (
                "destination unknown".to_owned(),
                "Ziel unbekannt".to_owned(),
            ),
        };
        let label = format!("{} ({dest_en})", importer.best(Language::En));
        let (te, td) = (
            format!("The transfer to {} ({dest_en})", q_en(&importer)),
            format!("Die Übermittlung an {} ({dest_de})", q_de(&importer)),
        );
        let (ctx_en, ctx_de) = match t.activity.as_deref().and_then(|id| cx.activity(id)) {
            Some(a) => (
                format!(" in {}", act_en(a).replacen("Activity", "activity", 1)),
                format!(" im Rahmen der {}", act_de(a)),
            ),
            None => (String::new(), String::new()),
        };
        let letter = if t.service.is_some() {
            Art30Letter::P2C
        } else {
            Art30Letter::C1E
        };
        About {
            t,
            party,
            importer,
            dest_en,
            dest_de,
            label,
            te,
            td,
            ctx_en,
            ctx_de,
            letter,
        }
    }

    /// The finding's target: this transfer, at `field`.
    fn target(&self, field: &str) -> Target {
        Target::transfer(self.t, self.label.clone(), Some(field))
    }
}

/// One transfer, rule family by rule family.
fn transfer(cx: &mut Cx<'_>, t: &Transfer) {
    let s = &About::new(cx, t);
    destination(cx, s);
    importer_listed(cx, s);
    match &t.mechanism {
        None => mechanisms::missing(cx, s),
        Some(TransferMechanism::PrivacyShield {}) => mechanisms::privacy_shield(cx, s),
        Some(TransferMechanism::LegacyScc { decision, .. }) => {
            mechanisms::legacy_scc(cx, s, decision)
        }
        Some(TransferMechanism::Scc { signed_on, .. }) => {
            mechanisms::scc_signed(cx, s, signed_on.as_ref())
        }
        Some(TransferMechanism::Dpf { checked_on, .. }) => {
            mechanisms::dpf(cx, s, checked_on.as_ref())
        }
        Some(TransferMechanism::Adequacy { decision }) => mechanisms::adequacy(cx, s, decision),
        Some(TransferMechanism::Derogation { derogation }) if t.repetitive => {
            mechanisms::repetitive_derogation(cx, s, derogation)
        }
        Some(TransferMechanism::CompellingInterest { .. }) if t.repetitive => {
            mechanisms::repetitive_compelling(cx, s)
        }
        Some(_) => {}
    }
    mechanisms::impact_assessment(cx, s);
}

/// Art. 30(1)(e): the third country or international organisation is named.
fn destination(cx: &mut Cx<'_>, s: &About<'_>) {
    let About {
        t,
        te,
        td,
        ctx_en,
        ctx_de,
        letter,
        ..
    } = s;
    let tgt = |field: &str| s.target(field);
    if t.country.is_none() && t.international_organisation.is_none() {
        let quote_en = t
            .as_stated
            .as_deref()
            .map(|s| format!(" The source says: {}.", q_en(s)))
            .unwrap_or_default();
        let quote_de = t
            .as_stated
            .as_deref()
            .map(|s| format!(" Die Quelle sagt: {}.", q_de(s)))
            .unwrap_or_default();
        cx.emit_letter(
            &DESTINATION_MISSING,
            Some(*letter),
            tgt("country"),
            format!(
                "{te}{ctx_en} names no third country or international organisation.{quote_en} Find out where the data goes and record the country; Art. 30 requires it to be named."
            ),
            format!(
                "{td}{ctx_de} nennt kein Drittland und keine internationale Organisation.{quote_de} Klären Sie, wohin die Daten gehen, und tragen Sie das Land ein; Art. 30 DSGVO verlangt seine Angabe."
            ),
        );
    }
}

/// The importer is among the recipients of the transfer's activity.
fn importer_listed(cx: &mut Cx<'_>, s: &About<'_>) {
    let About {
        t,
        party,
        importer,
        te,
        td,
        ctx_en,
        ctx_de,
        ..
    } = s;
    let tgt = |field: &str| s.target(field);
    if let Some(a) = t.activity.as_deref().and_then(|id| cx.activity(id)) {
        let parent = party.and_then(|p| p.parent.as_deref());
        let listed = a
            .recipients
            .iter()
            .any(|rec| rec.party == t.party || Some(rec.party.as_str()) == parent);
        if !listed {
            cx.emit(
                &RECIPIENT_NOT_LISTED,
                tgt("party"),
                format!(
                    "{te}{ctx_en} goes to a party that is not listed among the activity's recipients. Add {} as a recipient of the activity (with its role), or correct the transfer's importer.",
                    q_en(importer)
                ),
                format!(
                    "{td}{ctx_de} geht an eine Stelle, die nicht unter den Empfängern der Tätigkeit steht. Erfassen Sie {} als Empfänger der Tätigkeit (mit seiner Rolle) oder korrigieren Sie den Datenimporteur.",
                    q_de(importer)
                ),
            );
        }
    }
}

//! Texts both exporters print: legal bases, retention rules, transfer mechanisms, destinations,
//! parties and contacts, resolved against the reference data in the document's language.
//!
//! Keeping them here means the PDF and the CSV say exactly the same thing about each fact.

use super::RecordDocument;
use super::labels::{self, Labels};
use crate::model::*;
use crate::reference::reference;

/// The text with its first letter in upper case ("signed on" → "Signed on").
pub fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Citation and label of an Art. 6(1) basis: "Art. 6(1)(f) GDPR – Legitimate interests".
pub fn basis(b: LegalBasis, german: bool) -> String {
    let info = reference().art6(b);
    format!("{} – {}", info.citation(german), info.label(german))
}

/// The legal basis of a purpose, or "not recorded".
pub fn purpose_basis(p: &Purpose, doc: &RecordDocument) -> String {
    match p.legal_basis {
        Some(b) => basis(b, doc.german()),
        None => doc.labels().not_recorded.to_owned(),
    }
}

/// Further legal facts of a purpose as (label, text) pairs, in print order: the basis as
/// stated, legitimate interest, Art. 6(3) law, Art. 9(2), Art. 10, national law, consent.
pub fn purpose_details(p: &Purpose, doc: &RecordDocument) -> Vec<(&'static str, String)> {
    let l = doc.labels();
    let german = doc.german();
    let mut out = Vec::new();
    if let Some(s) = &p.basis_as_stated {
        out.push((l.as_stated, format!("\u{201c}{s}\u{201d}")));
    }
    if let Some(s) = &p.legitimate_interest {
        out.push((l.legitimate_interest, doc.local(s)));
    }
    if let Some(s) = &p.legal_provision {
        out.push((l.legal_provision, s.clone()));
    }
    if let Some(c) = p.art9_condition {
        let info = reference().art9(c);
        out.push((
            l.art9_condition,
            format!("{} – {}", info.citation(german), info.label(german)),
        ));
    }
    if let Some(s) = &p.art10_authorisation {
        out.push((l.art10, s.clone()));
    }
    if !p.national_law.is_empty() {
        let laws: Vec<String> = p
            .national_law
            .iter()
            .map(|n| national_law(n, doc))
            .collect();
        out.push((l.national_law, laws.join("; ")));
    }
    if let Some(c) = &p.consent {
        if let Some(s) = &c.obtained {
            out.push((l.consent_obtained, doc.local(s)));
        }
        if let Some(s) = &c.withdrawal {
            out.push((l.consent_withdrawal, doc.local(s)));
        }
        if c.implied {
            out.push((l.consent_obtained, l.consent_implied.to_owned()));
        }
    }
    out
}

/// A national provision: citation, label, and the citation as stated if it differs.
pub fn national_law(n: &NationalLawRef, doc: &RecordDocument) -> String {
    let german = doc.german();
    let mut s = match reference().national_law(&n.code) {
        Some(p) => {
            let mut s = format!("{} – {}", p.citation(german), p.label(german));
            if !p.in_force {
                s.push_str(&format!(" ({})", doc.labels().not_in_force));
            }
            s
        }
        None => n.code.clone(),
    };
    if let Some(stated) = &n.as_stated {
        s.push_str(&format!(" (\u{201c}{stated}\u{201d})"));
    }
    s
}

/// A retention rule in words.
pub fn retention(r: &Retention, doc: &RecordDocument) -> String {
    let language = doc.language;
    let l = doc.labels();
    match r {
        Retention::Period {
            amount,
            unit,
            trigger,
            note,
        } => {
            let mut s = labels::period(*amount, *unit, language);
            if let Some(t) = trigger {
                s.push(' ');
                s.push_str(&doc.local(t));
            }
            if let Some(n) = note {
                s.push_str(&format!(" – {}", doc.local(n)));
            }
            s
        }
        Retention::Criteria { text } => doc.local(text),
        Retention::Unlimited { note } => {
            let mut s = l.unlimited.to_owned();
            if let Some(n) = note {
                s.push_str(&format!(" – {}", doc.local(n)));
            }
            s
        }
        Retention::Statutory { rule, note } => {
            let mut s = match reference().retention_rule(rule) {
                Some(r) => format!(
                    "{} ({}); {}: {}",
                    labels::years(r.years, language),
                    r.citation(doc.german()),
                    l.period_starts,
                    r.starts(doc.german())
                ),
                None => rule.clone(),
            };
            if let Some(n) = note {
                s.push_str(&format!(" – {}", doc.local(n)));
            }
            s
        }
    }
}

/// The retention rule for one data category of an activity and whether it is the activity's
/// general rule; `None` when neither the category nor the activity has one.
pub fn category_retention(
    a: &Activity,
    d: &ActivityData,
    doc: &RecordDocument,
) -> Option<(String, bool)> {
    match (&d.retention, &a.retention) {
        (Some(r), _) => Some((retention(r, doc), false)),
        (None, Some(r)) => Some((retention(r, doc), true)),
        (None, None) => None,
    }
}

/// The retention rules an activity states for one of its purposes or recipients rather than per
/// data category, each with what it applies to ("Data for the purpose “Prize draw”", "Kept by
/// the recipient Mailer Inc. [mailer]"), in the order of the register.
pub fn further_retention(a: &Activity, doc: &RecordDocument) -> Vec<(String, String)> {
    let l = doc.labels();
    let (open, close) = if doc.german() {
        ("\u{201e}", "\u{201c}")
    } else {
        ("\u{201c}", "\u{201d}")
    };
    let mut out = Vec::new();
    for p in &a.purposes {
        if let Some(r) = &p.retention {
            out.push((
                format!(
                    "{} {open}{}{close}",
                    l.purpose_rule,
                    doc.local(&p.description)
                ),
                retention(r, doc),
            ));
        }
    }
    for x in &a.recipients {
        if let Some(r) = &x.retention {
            out.push((
                format!("{} {}", l.recipient_rule, party_name(&x.party, doc)),
                retention(r, doc),
            ));
        }
    }
    out
}

/// The document the register was built from, as the cover names it: its title and link, then
/// its own date and version and when it was read (each only where recorded).
pub fn source_document(s: &SourceDocument, doc: &RecordDocument) -> Vec<String> {
    let l = doc.labels();
    let mut lines = Vec::new();
    lines.extend(s.title.as_ref().map(|t| doc.local(t)));
    lines.extend(s.url.clone());
    let mut facts = Vec::new();
    if let Some(d) = s.as_of {
        facts.push(format!("{} {d}", l.source_as_of));
    }
    if let Some(v) = &s.version {
        facts.push(format!("{} {v}", l.source_version));
    }
    if let Some(d) = s.retrieved_on {
        facts.push(format!("{} {d}", l.source_retrieved));
    }
    if !facts.is_empty() {
        lines.push(facts.join(" · "));
    }
    lines
}

/// How the register records a party the processors annex lists: the activities in which it
/// acts as processor or sub-processor, and each other role with its activities
/// ("independent controller: OTR-03"), so that the annex says no more than the register.
pub fn processor_roles(party: &str, doc: &RecordDocument) -> (Vec<String>, Vec<String>) {
    let mut as_processor: Vec<String> = Vec::new();
    let mut other = Vec::new();
    for (role, activities) in doc.roles_of(party) {
        let refs = activities.iter().map(|a| a.reference.clone());
        if matches!(role, RecipientRole::Processor | RecipientRole::SubProcessor) {
            for r in refs {
                if !as_processor.contains(&r) {
                    as_processor.push(r);
                }
            }
        } else {
            let refs: Vec<String> = refs.collect();
            other.push(format!(
                "{}: {}",
                labels::recipient_role(role, doc.language),
                refs.join(", ")
            ));
        }
    }
    (as_processor, other)
}

/// Name of a country code in the document's language (the code itself if unknown).
pub fn country(code: &str, german: bool) -> String {
    reference()
        .country(code)
        .map_or_else(|| code.to_owned(), |c| c.name(german).to_owned())
}

/// Destination of a transfer: country name, or the international organisation, or "not
/// recorded".
pub fn destination(t: &Transfer, doc: &RecordDocument) -> String {
    match (&t.country, &t.international_organisation) {
        (Some(c), _) => country(c, doc.german()),
        (None, Some(io)) => format!("{} ({io})", doc.labels().international_organisation),
        (None, None) => doc.labels().destination_unknown.to_owned(),
    }
}

/// The mechanism of a transfer: label, citation and its specifics (module, decision, safeguards).
pub fn mechanism(m: &TransferMechanism, doc: &RecordDocument) -> String {
    let german = doc.german();
    let l = doc.labels();
    let r = reference();
    let kind = r.transfer_kind(m.kind());
    let mut s = match kind {
        Some(k) => format!("{} ({})", k.label(german), k.citation(german)),
        None => m.kind().to_owned(),
    };
    let detail: Option<String> = match m {
        TransferMechanism::Adequacy { decision } => Some(match r.adequacy(decision) {
            Some(d) => {
                let number = d.decision.clone().unwrap_or_default();
                format!("{} {}", d.name(german), number).trim().to_owned()
            }
            None => decision.clone(),
        }),
        TransferMechanism::Dpf {
            participant,
            checked_on,
        } => {
            let mut parts = Vec::new();
            if let Some(p) = participant {
                parts.push(format!("{}: {p}", l.dpf_participant));
            }
            if let Some(d) = checked_on {
                parts.push(format!("{} {d}", l.checked_on));
            }
            (!parts.is_empty()).then(|| parts.join(", "))
        }
        TransferMechanism::Scc { module, signed_on } => {
            let mut s = r.scc_module(*module).label(german).to_owned();
            if let Some(d) = signed_on {
                s.push_str(&format!(", {} {d}", l.signed_on));
            }
            Some(s)
        }
        TransferMechanism::Bcr { reference }
        | TransferMechanism::PublicBodyInstrument { reference }
        | TransferMechanism::SaClauses { reference }
        | TransferMechanism::CodeOfConduct { reference }
        | TransferMechanism::Certification { reference }
        | TransferMechanism::AuthorisedClauses { reference }
        | TransferMechanism::AdministrativeArrangement { reference } => reference.clone(),
        TransferMechanism::Derogation { derogation } => {
            let d = r.art49(*derogation);
            Some(format!("{} – {}", d.citation(german), d.label(german)))
        }
        TransferMechanism::CompellingInterest { safeguards } => Some(safeguards.clone()),
        TransferMechanism::PrivacyShield {} => Some(l.invalid_mechanism.to_owned()),
        TransferMechanism::LegacyScc {
            decision,
            signed_on,
        } => {
            let mut s = match r.legacy_mechanism(decision) {
                Some(m) => format!("{} – {}", m.label(german), l.invalid_mechanism),
                None => format!("{decision} – {}", l.invalid_mechanism),
            };
            if let Some(d) = signed_on {
                s.push_str(&format!(", {} {d}", l.signed_on));
            }
            Some(s)
        }
    };
    if let Some(d) = detail.filter(|d| !d.is_empty()) {
        s.push_str(": ");
        s.push_str(&d);
    }
    s
}

/// The mechanism of a transfer, or "not recorded".
pub fn transfer_mechanism(t: &Transfer, doc: &RecordDocument) -> String {
    t.mechanism.as_ref().map_or_else(
        || doc.labels().not_recorded.to_owned(),
        |m| mechanism(m, doc),
    )
}

/// Further facts of a transfer (repeated, TIA, copy of safeguards, wording of the source).
pub fn transfer_details(t: &Transfer, doc: &RecordDocument) -> Vec<(&'static str, String)> {
    let l = doc.labels();
    let mut out = Vec::new();
    if t.repetitive {
        out.push((l.note, l.repetitive.to_owned()));
    }
    if let Some(tia) = &t.tia {
        let mut s = if tia.done { l.yes } else { l.no }.to_owned();
        if let Some(d) = tia.date {
            s.push_str(&format!(" ({d})"));
        }
        if let Some(m) = &tia.supplementary_measures {
            s.push_str(&format!("; {}: {}", l.supplementary, doc.local(m)));
        }
        out.push((l.tia, s));
    }
    if let Some(c) = &t.copy_available {
        out.push((l.copy_available, doc.local(c)));
    }
    if let Some(s) = &t.as_stated {
        out.push((l.transfer_as_stated, format!("\u{201c}{s}\u{201d}")));
    }
    out
}

/// "Name [id]" of a party (the id if the party is unknown).
pub fn party_name(id: &str, doc: &RecordDocument) -> String {
    match doc.party(id) {
        Some(p) => format!("{} [{}]", doc.party_label(p), p.id),
        None => format!("[{id}]"),
    }
}

/// Contact lines of a party: address, country, e-mail, phone, website, privacy policy.
pub fn party_contact(p: &Party, doc: &RecordDocument) -> Vec<(&'static str, String)> {
    let l = doc.labels();
    let mut out = Vec::new();
    if let Some(a) = &p.address {
        out.push((l.address, a.clone()));
    }
    if let Some(c) = &p.country {
        out.push((l.country, country(c, doc.german())));
    }
    if let Some(e) = &p.email {
        out.push((l.email, e.clone()));
    }
    if let Some(e) = &p.phone {
        out.push((l.phone, e.clone()));
    }
    if let Some(e) = &p.website {
        out.push((l.website, e.clone()));
    }
    if let Some(e) = &p.privacy_policy_url {
        out.push((l.privacy_policy, e.clone()));
    }
    out
}

/// A party on one line: name, id, address and country.
pub fn party_line(p: &Party, doc: &RecordDocument) -> String {
    let mut s = format!("{} [{}]", doc.party_label(p), p.id);
    if let Some(a) = &p.address {
        s.push_str(&format!(", {}", one_line(a)));
    }
    if let Some(c) = &p.country
        && let Some(name) = reference().country_after(p.address.as_deref(), c, doc.german())
    {
        s.push_str(&format!(" ({name})"));
    }
    s
}

/// A contact block (representative, supervisory authority) as lines.
pub fn contact_lines(c: &Contact, doc: &RecordDocument) -> Vec<String> {
    let l = doc.labels();
    let mut out = vec![c.name.clone()];
    if let Some(o) = &c.organisation {
        out.push(o.clone());
    }
    if let Some(a) = &c.address {
        out.push(a.clone());
    }
    if let Some(co) = &c.country
        && let Some(name) = reference().country_after(c.address.as_deref(), co, doc.german())
    {
        out.push(name);
    }
    if let Some(e) = &c.email {
        out.push(format!("{}: {e}", l.email));
    }
    if let Some(p) = &c.phone {
        out.push(format!("{}: {p}", l.phone));
    }
    if let Some(w) = &c.website {
        out.push(format!("{}: {w}", l.website));
    }
    out
}

/// The DPO as lines.
pub fn dpo_lines(d: &Dpo, doc: &RecordDocument) -> Vec<String> {
    let l = doc.labels();
    let mut out = Vec::new();
    if let Some(n) = &d.name {
        out.push(n.clone());
    }
    if let Some(o) = &d.organisation {
        out.push(o.clone());
    }
    if let Some(a) = &d.address {
        out.push(a.clone());
    }
    if let Some(e) = &d.email {
        out.push(format!("{}: {e}", l.email));
    }
    if let Some(p) = &d.phone {
        out.push(format!("{}: {p}", l.phone));
    }
    if let Some(k) = d.kind {
        out.push(format!("({})", labels::dpo_kind(k, doc.language)));
    }
    if out.is_empty() {
        out.push(l.not_recorded.to_owned());
    }
    out
}

/// The organisation's postal address on one line.
pub fn organisation_address(o: &Organisation, german: bool) -> Option<String> {
    let city = [o.postcode.as_deref(), o.city.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let country = o
        .country
        .as_deref()
        .and_then(|c| reference().country_after(Some(&city), c, german));
    let parts: Vec<String> = [
        o.street.clone(),
        (!city.is_empty()).then_some(city),
        country,
    ]
    .into_iter()
    .flatten()
    .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// Name of a data category with its Art. 9 / Art. 10 marking.
pub fn data_category(id: &str, doc: &RecordDocument) -> String {
    let german = doc.german();
    match doc.data_category(id) {
        Some(d) => {
            let mut s = doc.local(&d.name);
            if let Some(sc) = d.special {
                let info = reference().special_category(sc);
                let cite = if german {
                    "Art. 9 Abs. 1 DSGVO"
                } else {
                    "Art. 9(1) GDPR"
                };
                s.push_str(&format!(" ({cite}: {})", info.label(german)));
            }
            if d.criminal {
                s.push_str(&format!(" ({})", reference().criminal().citation(german)));
            }
            s
        }
        None => format!("[{id}]"),
    }
}

/// Name of a data-subject category.
pub fn subject_category(id: &str, doc: &RecordDocument) -> String {
    doc.subject_category(id)
        .map_or_else(|| format!("[{id}]"), |s| doc.local(&s.name))
}

/// Name of a measure with its area.
pub fn tom(id: &str, doc: &RecordDocument) -> String {
    match doc.tom(id) {
        Some(t) => match &t.area {
            Some(a) => format!("{} ({})", doc.local(&t.name), doc.local(a)),
            None => doc.local(&t.name),
        },
        None => format!("[{id}]"),
    }
}

/// Collapses line breaks of a multi-line text (addresses) into ", ".
pub fn one_line(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The Art. 28(3) clauses present and missing, as two lists of short names.
pub fn clauses(c: &Art28Checklist, l: &Labels) -> Clauses {
    let mut out = Clauses::default();
    for (i, (_, state)) in c.items().iter().enumerate() {
        match state {
            Some(true) => out.present.push(l.clause_names[i]),
            Some(false) => out.missing.push(l.clause_names[i]),
            None => out.unknown.push(l.clause_names[i]),
        }
    }
    out
}

/// The Art. 28(3) clauses of an agreement by what the register knows of them.
#[derive(Debug, Default)]
pub struct Clauses {
    /// Known to be in the agreement.
    pub present: Vec<&'static str>,
    /// Known to be missing from it.
    pub missing: Vec<&'static str>,
    /// Not known either way.
    pub unknown: Vec<&'static str>,
}

/// The joint controllers of an activity: recipients in the joint-controller role and partners
/// of arrangements covering it, each once, in order.
pub fn joint_controllers<'a>(a: &'a Activity, doc: &'a RecordDocument) -> Vec<&'a str> {
    let mut ids: Vec<&str> = Vec::new();
    for r in &a.recipients {
        if r.role == RecipientRole::JointController && !ids.contains(&r.party.as_str()) {
            ids.push(&r.party);
        }
    }
    for j in doc.joint_arrangements_of(&a.id) {
        for p in &j.parties {
            if !ids.contains(&p.as_str()) {
                ids.push(p);
            }
        }
    }
    ids
}

//! The rules of each record type, field by field.

use super::*;

impl Validate for Organisation {
    fn validate_fields(&self) -> Result<()> {
        let c = Check::of(self);
        if self.id != ORGANISATION_ID {
            return Err(c.fail(
                "id",
                format!("must be `{ORGANISATION_ID}`"),
                format!("muss `{ORGANISATION_ID}` lauten"),
            ));
        }
        c.required("legal_name", &self.legal_name)?;
        if self.dpo.is_some() && self.dpo_designated == Some(false) {
            return Err(c.fail(
                "dpo_designated",
                "is false, but a data protection officer is recorded; remove one of the two",
                "ist false, aber ein Datenschutzbeauftragter ist erfasst; entfernen Sie eines von beiden",
            ));
        }
        c.country("country", &self.country)?;
        c.email("email", &self.email)?;
        c.contact("representative", &self.representative)?;
        c.contact("supervisory_authority", &self.supervisory_authority)?;
        if let Some(dpo) = &self.dpo {
            if dpo.name.is_none() && dpo.organisation.is_none() && dpo.email.is_none() {
                return Err(c.fail(
                    "dpo",
                    "needs at least a name, an organisation or an e-mail",
                    "braucht mindestens einen Namen, eine Organisation oder eine E-Mail-Adresse",
                ));
            }
            c.email("dpo.email", &dpo.email)?;
        }
        if !self.is_controller && !self.is_processor {
            return Err(c.fail(
                "is_controller",
                "the organisation must be a controller, a processor or both",
                "die Organisation muss Verantwortlicher, Auftragsverarbeiter oder beides sein",
            ));
        }
        Ok(())
    }
}

impl Validate for DataCategory {
    fn validate_fields(&self) -> Result<()> {
        Check::of(self).required_local("name", &self.name)
    }
}

impl Validate for SubjectCategory {
    fn validate_fields(&self) -> Result<()> {
        Check::of(self).required_local("name", &self.name)
    }
}

impl Validate for Tom {
    fn validate_fields(&self) -> Result<()> {
        Check::of(self).required_local("name", &self.name)
    }
}

impl Validate for Party {
    fn validate_fields(&self) -> Result<()> {
        let c = Check::of(self);
        c.required_local("name", &self.name)?;
        c.country("country", &self.country)?;
        c.email("email", &self.email)?;
        c.opt_text("address", &self.address)?;
        for (i, a) in self.aliases.iter().enumerate() {
            c.required(&format!("aliases[{i}]"), a)?;
        }
        c.unique_ids("aliases", self.aliases.iter())?;
        if self.entity_not_named && self.kind == PartyKind::Category {
            return Err(c.fail(
                "entity_not_named",
                "applies to a provider named by its service, not to a recipient category",
                "gilt für einen nach seinem Dienst benannten Anbieter, nicht für eine Empfängerkategorie",
            ));
        }
        if self.parent.as_deref() == Some(self.id.as_str()) {
            return Err(c.fail(
                "parent",
                "a party cannot be its own parent",
                "ein Beteiligter kann nicht sein eigener Hauptauftragnehmer sein",
            ));
        }
        Ok(())
    }
}

impl Validate for Agreement {
    fn validate_fields(&self) -> Result<()> {
        let c = Check::of(self);
        c.required("party", &self.party)?;
        c.unique_ids("activities", self.activities.iter())?;
        c.texts_apart(self)?;
        // A signed agreement without a date is accepted (real registers often lack it); the
        // checks report it.
        if let (Some(s), Some(e)) = (self.signed_on, self.expires_on)
            && e < s
        {
            return Err(c.fail(
                "expires_on",
                format!("{e} is before the signing date {s}"),
                format!("{e} liegt vor dem Unterschriftsdatum {s}"),
            ));
        }
        Ok(())
    }
}

impl Validate for JointArrangement {
    fn validate_fields(&self) -> Result<()> {
        let c = Check::of(self);
        c.required_local("title", &self.title)?;
        c.texts_apart(self)?;
        if self.parties.is_empty() {
            return Err(c.fail(
                "parties",
                "needs at least one other joint controller",
                "braucht mindestens einen weiteren gemeinsam Verantwortlichen",
            ));
        }
        c.unique_ids("parties", self.parties.iter())?;
        c.unique_ids("activities", self.activities.iter())
    }
}

impl Validate for Activity {
    fn validate_fields(&self) -> Result<()> {
        let c = Check::of(self);
        c.required("reference", &self.reference)?;
        c.required_local("name", &self.name)?;
        c.opt_local("description", &self.description)?;
        c.texts_apart(self)?;
        c.unique_ids("purposes", self.purposes.iter().map(|p| &p.id))?;
        for (i, p) in self.purposes.iter().enumerate() {
            let f = |name: &str| format!("purposes[{i}].{name}");
            if !is_id(&p.id) {
                return Err(c.fail(&f("id"), ID_RULE, ID_RULE_DE));
            }
            c.required_local(&f("description"), &p.description)?;
            c.opt_local(&f("legitimate_interest"), &p.legitimate_interest)?;
            c.opt_text(&f("legal_provision"), &p.legal_provision)?;
            for (j, law) in p.national_law.iter().enumerate() {
                if reference().national_law(&law.code).is_none() {
                    return Err(c.unknown(
                        &f(&format!("national_law[{j}].code")),
                        "national-law provision",
                        &law.code,
                    ));
                }
            }
        }
        c.unique_ids("data_subjects", self.data_subjects.iter())?;
        c.unique_ids(
            "data_categories",
            self.data_categories.iter().map(|d| &d.category),
        )?;
        for (i, d) in self.data_categories.iter().enumerate() {
            check_retention(&c, &format!("data_categories[{i}].retention"), &d.retention)?;
        }
        check_retention(&c, "retention", &self.retention)?;
        for (i, p) in self.purposes.iter().enumerate() {
            check_retention(&c, &format!("purposes[{i}].retention"), &p.retention)?;
        }
        for (i, r) in self.recipients.iter().enumerate() {
            check_retention(&c, &format!("recipients[{i}].retention"), &r.retention)?;
        }
        c.unique_ids("toms", self.toms.iter())?;
        if self.no_recipients && !self.recipients.is_empty() {
            return Err(c.fail(
                "no_recipients",
                "is set although recipients are listed; remove the recipients or clear the flag",
                "ist gesetzt, obwohl Empfänger erfasst sind; entfernen Sie die Empfänger oder die Angabe",
            ));
        }
        let mut seen = std::collections::HashSet::new();
        for (i, r) in self.recipients.iter().enumerate() {
            if !seen.insert((&r.party, r.role, &r.service)) {
                return Err(c.fail(
                    &format!("recipients[{i}]"),
                    format!("party `{}` is listed twice with the same role", r.party),
                    format!(
                        "Beteiligter `{}` ist doppelt mit derselben Rolle aufgeführt",
                        r.party
                    ),
                ));
            }
        }
        if let (Some(a), Some(b)) = (self.last_reviewed, self.next_review)
            && b < a
        {
            return Err(c.fail(
                "next_review",
                format!("{b} is before the last review {a}"),
                format!("{b} liegt vor der letzten Prüfung {a}"),
            ));
        }
        Ok(())
    }
}

fn check_retention(c: &Check<'_>, field: &str, r: &Option<Retention>) -> Result<()> {
    match r {
        Some(Retention::Period { amount: 0, .. }) => Err(c.fail(
            &format!("{field}.amount"),
            "a retention period must be longer than zero",
            "eine Aufbewahrungsfrist muss länger als null sein",
        )),
        Some(Retention::Criteria { text }) => c.required_local(&format!("{field}.text"), text),
        Some(Retention::Statutory { rule, .. }) if reference().retention_rule(rule).is_none() => {
            Err(c.unknown(&format!("{field}.rule"), "statutory retention rule", rule))
        }
        _ => Ok(()),
    }
}

impl Validate for Transfer {
    fn validate_fields(&self) -> Result<()> {
        let c = Check::of(self);
        c.texts_apart(self)?;
        match (&self.activity, &self.service) {
            (Some(_), Some(_)) => {
                return Err(c.fail(
                    "service",
                    "a transfer belongs to an activity or to a processor service, not both",
                    "eine Übermittlung gehört zu einer Tätigkeit oder zu einer Auftragsverarbeitung, nicht zu beidem",
                ));
            }
            (None, None) => {
                return Err(c.fail(
                    "activity",
                    "a transfer needs the activity (or processor service) it belongs to",
                    "eine Übermittlung braucht die Tätigkeit (oder die Auftragsverarbeitung), zu der sie gehört",
                ));
            }
            _ => {}
        }
        c.required("party", &self.party)?;
        match (&self.country, &self.international_organisation) {
            (Some(_), Some(_)) => {
                return Err(c.fail(
                    "international_organisation",
                    "give a destination country or an international organisation, not both",
                    "geben Sie ein Zielland oder eine internationale Organisation an, nicht beides",
                ));
            }
            (None, Some(io)) => c.required("international_organisation", io)?,
            (Some(_), None) => c.country("country", &self.country)?,
            // Destination not named by the source: kept as a gap for the checks to report.
            (None, None) => {}
        }
        if let Some(country) = &self.country
            && reference().is_eea(country)
        {
            return Err(c.fail(
                "country",
                format!("{country} is in the EEA: sharing data there is not a Chapter V transfer; record the party as a recipient instead"),
                format!("{country} liegt im EWR: eine Weitergabe dorthin ist keine Übermittlung nach Kapitel V; erfassen Sie den Beteiligten stattdessen als Empfänger"),
            ));
        }
        match &self.mechanism {
            Some(TransferMechanism::Adequacy { decision }) => {
                match reference().adequacy(decision) {
                    None => {
                        return Err(c.unknown("mechanism.decision", "adequacy decision", decision));
                    }
                    Some(d) if d.requires_dpf => {
                        return Err(c.fail(
                        "mechanism",
                        "the EU–US Data Privacy Framework is recorded as mechanism type `dpf` (with the recipient's certification), not as `adequacy`",
                        "das EU-US Data Privacy Framework wird als Mechanismus `dpf` (mit der Zertifizierung des Empfängers) erfasst, nicht als `adequacy`",
                    ));
                    }
                    Some(_) => {}
                }
            }
            Some(TransferMechanism::LegacyScc { decision, .. })
                if !decision.starts_with("SCC_")
                    || reference().legacy_mechanism(decision).is_none() =>
            {
                return Err(c.unknown("mechanism.decision", "pre-2021 SCC decision", decision));
            }
            Some(TransferMechanism::CompellingInterest { safeguards }) => {
                c.required("mechanism.safeguards", safeguards)?;
            }
            _ => {}
        }
        Ok(())
    }
}

impl Validate for ProcessorService {
    fn validate_fields(&self) -> Result<()> {
        let c = Check::of(self);
        c.required("controller", &self.controller)?;
        c.required_local("name", &self.name)?;
        for (i, p) in self.processing_categories.iter().enumerate() {
            c.required_local(&format!("processing_categories[{i}]"), p)?;
        }
        c.texts_apart(self)?;
        c.unique_ids("toms", self.toms.iter())
    }
}

impl Validate for NoticeSettings {
    fn validate_fields(&self) -> Result<()> {
        let c = Check::of(self);
        if self.id != NOTICE_SETTINGS_ID {
            return Err(c.fail(
                "id",
                format!("must be `{NOTICE_SETTINGS_ID}`"),
                format!("muss `{NOTICE_SETTINGS_ID}` lauten"),
            ));
        }
        c.opt_text("version", &self.version)?;
        c.unique_ids("section_order", self.section_order.iter())?;
        for (i, section) in self.section_order.iter().enumerate() {
            check_section(&c, &format!("section_order[{i}]"), section)?;
        }
        c.contact("rights_contact", &self.rights_contact)?;
        let mut seen = std::collections::HashSet::new();
        for (i, o) in self.overrides.iter().enumerate() {
            let f = |name: &str| format!("overrides[{i}].{name}");
            check_section(&c, &f("section"), &o.section)?;
            if !crate::wording::is_sentence_id(&o.sentence) {
                return Err(c.unknown(&f("sentence"), "notice sentence", &o.sentence));
            }
            c.required(&f("text"), &o.text)?;
            if !seen.insert((&o.section, &o.sentence, o.language)) {
                return Err(c.fail(
                    &format!("overrides[{i}]"),
                    format!(
                        "sentence `{}` of section `{}` is overridden twice for language `{}`",
                        o.sentence,
                        o.section,
                        o.language.code()
                    ),
                    format!(
                        "Satz `{}` des Abschnitts `{}` ist für die Sprache `{}` doppelt ersetzt",
                        o.sentence,
                        o.section,
                        o.language.code()
                    ),
                ));
            }
        }
        Ok(())
    }
}

/// A notice section id: `general:<name>` with a known name, or an activity id.
fn check_section(c: &Check<'_>, field: &str, section: &str) -> Result<()> {
    c.required(field, section)?;
    if let Some(name) = section.strip_prefix("general:")
        && !GENERAL_SECTIONS.contains(&name)
    {
        return Err(c.unknown(field, "general notice section", section));
    }
    Ok(())
}

//! Composition of the notice from the register: which sentence says which fact.

use super::template::{Template, fill, placeholders, push_run, push_text, template};
use super::{
    Block, GENERAL_SECTIONS, Gap, Item, Mode, Notice, NoticeError, NoticeOptions, Run, Section,
    Source, format_date, plain,
};
use crate::interchange::Register;
use crate::model::*;
use crate::reference::reference;
use std::collections::{HashMap, HashSet};

/// A value for a placeholder.
type Vars<'v> = [(&'v str, Vec<Run>)];

fn text(s: impl Into<String>) -> Vec<Run> {
    vec![Run::Text { text: s.into() }]
}

/// An e-mail address as a mailto link; text when it is not an address (a register written
/// by an older version may hold anything).
fn email_link(email: &str) -> Vec<Run> {
    if !crate::text::is_email_address(email) {
        return text(email);
    }
    vec![Run::Link {
        text: email.to_owned(),
        href: format!("mailto:{email}"),
    }]
}

/// A URL from the register: a link when it is a plain https URL, else text.
fn url_runs(url: &str) -> Vec<Run> {
    let safe = url.len() > 8
        && url
            .get(..8)
            .is_some_and(|p| p.eq_ignore_ascii_case("https://"))
        && !url.chars().any(|c| {
            c.is_whitespace() || c.is_control() || matches!(c, '"' | '<' | '>' | '\\' | '`')
        });
    if safe {
        vec![Run::Link {
            text: url.to_owned(),
            href: url.to_owned(),
        }]
    } else {
        text(url)
    }
}

/// Address text on one line: line breaks become ", ".
fn one_line(address: &str) -> String {
    address
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Adds a full stop unless the runs already end a sentence or a list intro.
fn terminate(mut runs: Vec<Run>) -> Vec<Run> {
    if let Some(Run::Text { text }) = runs.last_mut() {
        let t = text.trim_end();
        if !t.ends_with(['.', '!', '?', ':']) {
            text.truncate(t.len());
            text.push('.');
        }
    }
    runs
}

/// Joins sentences with spaces.
fn join(parts: Vec<Vec<Run>>) -> Vec<Run> {
    let mut out = Vec::new();
    for part in parts.into_iter().filter(|p| !p.is_empty()) {
        if !out.is_empty() {
            push_text(&mut out, " ");
        }
        for run in part {
            push_run(&mut out, run);
        }
    }
    out
}

/// Lines separated by breaks.
fn lines(parts: Vec<Vec<Run>>) -> Vec<Run> {
    let mut out = Vec::new();
    for part in parts.into_iter().filter(|p| !p.is_empty()) {
        if !out.is_empty() {
            out.push(Run::Break);
        }
        for run in part {
            push_run(&mut out, run);
        }
    }
    out
}

pub(super) struct Builder<'a> {
    reg: &'a Register,
    lang: Language,
    german: bool,
    t: &'static Template,
    overrides: HashMap<(&'a str, &'a str), &'a str>,
    gaps: Vec<Gap>,
    section: String,
    categories: HashMap<&'a str, &'a DataCategory>,
    subjects: HashMap<&'a str, &'a SubjectCategory>,
    parties: HashMap<&'a str, &'a Party>,
    version_date: Date,
}

impl<'a> Builder<'a> {
    pub(super) fn run(reg: &'a Register, opts: &NoticeOptions) -> Result<Notice, NoticeError> {
        let settings = reg.notice.clone().unwrap_or_default();
        let lang = opts.language;
        let version_date = opts
            .version_date
            .or(settings.version_date)
            .unwrap_or_else(Date::today);
        let overrides = reg
            .notice
            .iter()
            .flat_map(|n| &n.overrides)
            .filter(|o| o.language == lang)
            .map(|o| ((o.section.as_str(), o.sentence.as_str()), o.text.as_str()))
            .collect();
        let mut b = Builder {
            reg,
            lang,
            german: lang == Language::De,
            t: template(lang),
            overrides,
            gaps: Vec::new(),
            section: String::new(),
            categories: reg
                .data_categories
                .iter()
                .map(|c| (c.id.as_str(), c))
                .collect(),
            subjects: reg
                .subject_categories
                .iter()
                .map(|c| (c.id.as_str(), c))
                .collect(),
            parties: reg.parties.iter().map(|p| (p.id.as_str(), p)).collect(),
            version_date,
        };
        let activities = b.select(opts)?;

        let org = &reg.organisation;
        let mut sections = Vec::new();
        sections.push(b.controller_section(settings.rights_contact.as_ref()));
        if let Some(dpo) = &org.dpo {
            sections.push(b.dpo_section(dpo));
        }
        if let Some(rep) = &org.representative {
            sections.push(b.representative_section(rep));
        }
        for a in &activities {
            sections.push(b.activity_section(a, settings.rights_contact.as_ref()));
        }
        sections.push(b.rights_section(settings.rights_contact.as_ref()));
        sections.push(b.complaint_section());

        // Reorder: listed sections first in the listed order, the others after them in their
        // default order (a stable sort keeps it).
        let rank = |id: &str| {
            settings
                .section_order
                .iter()
                .position(|s| s == id)
                .unwrap_or(usize::MAX)
        };
        sections.sort_by_key(|s| rank(&s.id));

        let known: HashSet<&str> = reg.activities.iter().map(|a| a.id.as_str()).collect();
        let unused_overrides = settings
            .overrides
            .iter()
            .filter(|o| match o.section.strip_prefix("general:") {
                Some(name) => !GENERAL_SECTIONS.contains(&name),
                None => !known.contains(o.section.as_str()),
            })
            .cloned()
            .collect();

        b.section = "document".to_owned();
        let date = format_date(version_date, lang);
        let version_line = match &settings.version {
            Some(v) => plain(&b.s(
                "document.version_numbered",
                &[("version", text(v)), ("date", text(&date))],
            )),
            None => plain(&b.s("document.version", &[("date", text(&date))])),
        };
        let title = plain(&b.s("document.title", &[]));
        let intro = b.s("document.intro", &[("controller", text(&org.legal_name))]);
        let draft_note = (opts.mode == Mode::Draft && !b.gaps.is_empty()).then(|| {
            plain(&b.s(
                "document.draft",
                &[("count", text(b.gaps.len().to_string()))],
            ))
        });
        Ok(Notice {
            title,
            language: lang,
            mode: opts.mode,
            version_date,
            version_line,
            controller: org.legal_name.clone(),
            intro,
            draft_note,
            sections,
            warnings: b.gaps,
            unused_overrides,
        })
    }

    fn select(&self, opts: &NoticeOptions) -> Result<Vec<&'a Activity>, NoticeError> {
        let reg = self.reg;
        if opts.activities.is_empty() {
            return Ok(reg
                .activities
                .iter()
                .filter(|a| a.in_notice && a.status != ActivityStatus::Retired)
                .collect());
        }
        let mut out: Vec<&Activity> = Vec::new();
        for key in &opts.activities {
            let a = reg
                .activities
                .iter()
                .find(|a| a.id == *key)
                .or_else(|| reg.activities.iter().find(|a| a.reference == *key))
                .ok_or_else(|| NoticeError::UnknownActivity(key.clone()))?;
            if !a.in_notice {
                return Err(NoticeError::NotPublic(a.reference.clone()));
            }
            if !out.iter().any(|x| x.id == a.id) {
                out.push(a);
            }
        }
        // Keep the register's order, whatever the order of the selection.
        out.sort_by_key(|a| reg.activities.iter().position(|x| x.id == a.id));
        Ok(out)
    }

    // -----------------------------------------------------------------------------------------
    // Sentences and gaps
    // -----------------------------------------------------------------------------------------

    /// The sentence `id` (or the user's override for the current section) filled with `vars`.
    fn s(&mut self, id: &str, vars: &Vars<'_>) -> Vec<Run> {
        let overridden = self.overrides.get(&(self.section.as_str(), id)).copied();
        let tpl: &str = overridden.unwrap_or_else(|| self.t.get(id));
        let mut markers: Vec<(String, Vec<Run>)> = Vec::new();
        if overridden.is_some() {
            for name in placeholders(tpl) {
                if !vars.iter().any(|(n, _)| *n == name) && !markers.iter().any(|(n, _)| n == name)
                {
                    let marker = self.gap(
                        "placeholder",
                        &[("name", name.to_owned()), ("sentence", id.to_owned())],
                    );
                    markers.push((name.to_owned(), marker));
                }
            }
        }
        fill(tpl, |name| {
            vars.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.clone())
                .or_else(|| {
                    markers
                        .iter()
                        .find(|(n, _)| n == name)
                        .map(|(_, v)| v.clone())
                })
        })
    }

    /// [`Self::s`] with a full stop added where the filled text lacks one.
    fn sentence(&mut self, id: &str, vars: &Vars<'_>) -> Vec<Run> {
        terminate(self.s(id, vars))
    }

    /// Plain template text (labels, not overridable).
    fn label(&self, id: &str) -> String {
        self.t.get(id).to_owned()
    }

    /// Records a missing fact and returns its marker.
    fn gap(&mut self, fact: &str, vars: &[(&str, String)]) -> Vec<Run> {
        let id = format!("gap.{fact}");
        let message = |lang| {
            plain(&fill(template(lang).get(&id), |name| {
                vars.iter().find(|(n, _)| *n == name).map(|(_, v)| text(v))
            }))
        };
        let gap = Gap {
            section: self.section.clone(),
            fact: fact.to_owned(),
            message_en: message(Language::En),
            message_de: message(Language::De),
        };
        let marker = plain(&fill(self.t.get("document.missing"), |name| {
            (name == "what").then(|| text(gap.message(self.lang)))
        }));
        self.gaps.push(gap);
        vec![Run::Missing { text: marker }]
    }

    fn country_name(&self, code: &str) -> String {
        reference()
            .country(code)
            .map(|c| c.name(self.german).to_owned())
            .unwrap_or_else(|| code.to_owned())
    }

    /// Names joined with ", " and the language's "and" before the last.
    fn and_list(&self, names: &[String]) -> String {
        match names {
            [] => String::new(),
            [one] => one.clone(),
            [init @ .., last] => format!("{}{}{last}", init.join(", "), self.t.get("document.and")),
        }
    }

    fn party_name(&self, id: &str) -> String {
        self.parties
            .get(id)
            .map(|p| p.name.clone())
            .unwrap_or_else(|| id.to_owned())
    }

    /// A contact's lines (name, organisation, address, country, e-mail, telephone, website).
    fn contact_lines(&mut self, c: &Contact) -> Vec<Run> {
        let mut parts = vec![text(&c.name)];
        if let Some(o) = &c.organisation {
            parts.push(text(o));
        }
        if let Some(a) = &c.address {
            parts.extend(a.lines().map(str::trim).filter(|l| !l.is_empty()).map(text));
        }
        if let Some(country) = &c.country {
            parts.push(text(self.country_name(country)));
        }
        if let Some(e) = &c.email {
            parts.push(self.s("contact.email", &[("email", email_link(e))]));
        }
        if let Some(p) = &c.phone {
            parts.push(self.s("contact.phone", &[("phone", text(p))]));
        }
        if let Some(w) = &c.website {
            parts.push(self.s("contact.website", &[("website", url_runs(w))]));
        }
        lines(parts)
    }

    /// How data subjects reach us: the rights contact's e-mail, else the organisation's
    /// e-mail, else its postal address.
    fn contact_runs(&mut self, rights_contact: Option<&Contact>) -> Vec<Run> {
        let org = &self.reg.organisation;
        if let Some(c) = rights_contact {
            return match &c.email {
                Some(e) => email_link(e),
                None => text(one_line(&format!(
                    "{}\n{}",
                    c.name,
                    c.address.clone().unwrap_or_default()
                ))),
            };
        }
        if let Some(e) = &org.email {
            return email_link(e);
        }
        match self.org_address() {
            Some(a) => text(format!("{}, {}", org.legal_name, a)),
            None => self.gap("rights_contact", &[]),
        }
    }

    fn org_address(&self) -> Option<String> {
        let org = &self.reg.organisation;
        let street = org.street.as_deref()?;
        let city = org.city.as_deref()?;
        let place = match &org.postcode {
            Some(pc) => format!("{pc} {city}"),
            None => city.to_owned(),
        };
        Some(format!("{street}, {place}"))
    }

    fn heading(&mut self, id: &str, vars: &Vars<'_>) -> String {
        plain(&self.s(id, vars))
    }

    // -----------------------------------------------------------------------------------------
    // General sections
    // -----------------------------------------------------------------------------------------

    fn general(&mut self, name: &str) -> (String, Source) {
        self.section = format!("general:{name}");
        (
            self.section.clone(),
            Source::General {
                name: name.to_owned(),
            },
        )
    }

    fn controller_section(&mut self, rights_contact: Option<&Contact>) -> Section {
        let (id, source) = self.general("controller");
        let org = self.reg.organisation.clone();
        let mut items = vec![Item::Paragraph(self.s("controller.intro", &[]))];
        let mut address = vec![text(&org.legal_name)];
        match (&org.street, &org.city) {
            (Some(street), Some(city)) => {
                address.push(text(street));
                address.push(text(match &org.postcode {
                    Some(pc) => format!("{pc} {city}"),
                    None => city.clone(),
                }));
                if let Some(c) = &org.country {
                    address.push(text(self.country_name(c)));
                }
            }
            _ => address.push(self.gap("controller_address", &[])),
        }
        if let Some(m) = &org.management {
            address.push(self.s("controller.management", &[("management", text(m))]));
        }
        items.push(Item::Paragraph(lines(address)));
        let mut contact = Vec::new();
        if let Some(e) = &org.email {
            contact.push(self.s("controller.email", &[("email", email_link(e))]));
        }
        if let Some(p) = &org.phone {
            contact.push(self.s("controller.phone", &[("phone", text(p))]));
        }
        if contact.is_empty() {
            contact.push(self.gap("controller_contact", &[]));
        }
        if let Some(w) = &org.website {
            contact.push(self.s("controller.website", &[("website", url_runs(w))]));
        }
        items.push(Item::Paragraph(lines(contact)));
        if let Some(c) = rights_contact {
            items.push(Item::Paragraph(self.s("controller.rights_contact", &[])));
            items.push(Item::Paragraph(self.contact_lines(c)));
        }
        Section {
            heading: self.heading("heading.controller", &[]),
            id,
            source,
            blocks: vec![Block {
                id: "controller".into(),
                subheading: None,
                items,
            }],
        }
    }

    fn dpo_section(&mut self, dpo: &Dpo) -> Section {
        let (id, source) = self.general("dpo");
        let mut parts = Vec::new();
        for v in [&dpo.name, &dpo.organisation].into_iter().flatten() {
            parts.push(text(v));
        }
        if let Some(a) = &dpo.address {
            parts.extend(a.lines().map(str::trim).filter(|l| !l.is_empty()).map(text));
        }
        if let Some(e) = &dpo.email {
            parts.push(self.s("contact.email", &[("email", email_link(e))]));
        }
        if let Some(p) = &dpo.phone {
            parts.push(self.s("contact.phone", &[("phone", text(p))]));
        }
        if dpo.email.is_none() && dpo.phone.is_none() && dpo.address.is_none() {
            parts.push(self.gap("dpo_contact", &[]));
        }
        let items = vec![
            Item::Paragraph(self.s("dpo.intro", &[])),
            Item::Paragraph(lines(parts)),
        ];
        Section {
            heading: self.heading("heading.dpo", &[]),
            id,
            source,
            blocks: vec![Block {
                id: "dpo".into(),
                subheading: None,
                items,
            }],
        }
    }

    fn representative_section(&mut self, rep: &Contact) -> Section {
        let (id, source) = self.general("representative");
        let mut block = self.contact_lines(rep);
        if rep.address.is_none() && rep.email.is_none() && rep.phone.is_none() {
            block.push(Run::Break);
            block.extend(self.gap("representative_contact", &[]));
        }
        let items = vec![
            Item::Paragraph(self.s("representative.intro", &[])),
            Item::Paragraph(block),
        ];
        Section {
            heading: self.heading("heading.representative", &[]),
            id,
            source,
            blocks: vec![Block {
                id: "representative".into(),
                subheading: None,
                items,
            }],
        }
    }

    fn rights_section(&mut self, rights_contact: Option<&Contact>) -> Section {
        let (id, source) = self.general("rights");
        let contact = self.contact_runs(rights_contact);
        let intro = self.s("rights.intro", &[("contact", contact)]);
        let list = [
            "rights.access",
            "rights.rectification",
            "rights.erasure",
            "rights.restriction",
            "rights.notification",
            "rights.portability",
            "rights.automated",
            "rights.withdrawal",
        ]
        .iter()
        .map(|r| self.s(r, &[]))
        .collect();
        let objection = vec![
            Item::Paragraph(self.s("rights.objection", &[])),
            Item::Paragraph(self.s("rights.objection_marketing", &[])),
        ];
        Section {
            heading: self.heading("heading.rights", &[]),
            id,
            source,
            blocks: vec![
                Block {
                    id: "rights".into(),
                    subheading: None,
                    items: vec![Item::Paragraph(intro), Item::List(list)],
                },
                Block {
                    id: "objection".into(),
                    subheading: Some(self.heading("heading.objection", &[])),
                    items: objection,
                },
            ],
        }
    }

    fn complaint_section(&mut self) -> Section {
        let (id, source) = self.general("complaint");
        let mut items = vec![Item::Paragraph(self.s("complaint.text", &[]))];
        match self.reg.organisation.supervisory_authority.clone() {
            Some(sa) => {
                items.push(Item::Paragraph(self.s("complaint.authority", &[])));
                items.push(Item::Paragraph(self.contact_lines(&sa)));
            }
            None => {
                let gap = self.gap("authority", &[]);
                let intro = self.s("complaint.authority", &[]);
                items.push(Item::Paragraph(join(vec![intro, gap])));
            }
        }
        Section {
            heading: self.heading("heading.complaint", &[]),
            id,
            source,
            blocks: vec![Block {
                id: "complaint".into(),
                subheading: None,
                items,
            }],
        }
    }

    // -----------------------------------------------------------------------------------------
    // Activity sections
    // -----------------------------------------------------------------------------------------

    fn activity_section(&mut self, a: &'a Activity, rights_contact: Option<&Contact>) -> Section {
        self.section = a.id.clone();
        let heading = self.heading("heading.activity", &[("name", text(&a.name))]);
        let mut blocks = vec![self.scope_block(a), self.purposes_block(a)];
        blocks.push(self.recipients_block(a));
        if let Some(joint) = self.joint_block(a) {
            blocks.push(joint);
        }
        if let Some(transfers) = self.transfers_block(a, rights_contact) {
            blocks.push(transfers);
        }
        blocks.push(self.retention_block(a));
        blocks.push(self.activity_rights_block(a));
        if let Some(ad) = &a.automated_decision {
            blocks.push(self.automated_block(ad));
        }
        Section {
            id: a.id.clone(),
            heading,
            source: Source::Activity {
                id: a.id.clone(),
                reference: a.reference.clone(),
            },
            blocks,
        }
    }

    fn block(&mut self, id: &str, items: Vec<Item>) -> Block {
        Block {
            id: id.to_owned(),
            subheading: Some(self.heading(&format!("heading.{id}"), &[])),
            items,
        }
    }

    fn category_name(&self, id: &str) -> String {
        self.categories
            .get(id)
            .map(|c| c.name.clone())
            .unwrap_or_else(|| id.to_owned())
    }

    fn scope_block(&mut self, a: &'a Activity) -> Block {
        let mut items = Vec::new();
        if let Some(d) = &a.description {
            items.push(Item::Paragraph(
                self.sentence("scope.description", &[("description", text(d))]),
            ));
        }
        if let Some(c) = &a.collection {
            // The collection text often repeats a sentence of the description.
            let repeated = a
                .description
                .as_deref()
                .is_some_and(|d| d.contains(c.trim()));
            if !repeated {
                items.push(Item::Paragraph(
                    self.sentence("scope.collection", &[("collection", text(c))]),
                ));
            }
        }
        let subjects: Vec<String> = a
            .data_subjects
            .iter()
            .map(|s| {
                self.subjects
                    .get(s.as_str())
                    .map(|c| c.name.clone())
                    .unwrap_or_else(|| s.clone())
            })
            .collect();
        if !subjects.is_empty() {
            items.push(Item::Paragraph(
                self.s("scope.subjects", &[("subjects", text(subjects.join(", ")))]),
            ));
        }
        if a.data_categories.is_empty() {
            let gap = self.gap("categories", &[]);
            items.push(Item::Paragraph(join(vec![
                self.s("scope.categories", &[]),
                gap,
            ])));
        } else {
            items.push(Item::Paragraph(self.s("scope.categories", &[])));
            let list = a
                .data_categories
                .iter()
                .map(|d| {
                    let name = text(self.category_name(&d.category));
                    let cat = self.categories.get(d.category.as_str()).copied();
                    let mut entry = match cat.and_then(|c| c.special) {
                        Some(sc) => {
                            let label = reference()
                                .special_category(sc)
                                .label(self.german)
                                .to_owned();
                            self.s(
                                "scope.special",
                                &[("category", name), ("label", text(label))],
                            )
                        }
                        None if cat.is_some_and(|c| c.criminal) => {
                            self.s("scope.criminal", &[("category", name)])
                        }
                        None => name,
                    };
                    if d.optional {
                        entry = self.s("scope.optional", &[("category", entry)]);
                    }
                    entry
                })
                .collect();
            items.push(Item::List(list));
        }
        let mut source_parts = Vec::new();
        match &a.source {
            Some(src) if src.from_data_subject => {
                source_parts.push(self.s("scope.source_subject", &[]));
            }
            Some(src) => {
                let what = match &src.description {
                    Some(d) => text(d),
                    None => self.gap("source", &[]),
                };
                source_parts.push(self.s("scope.source_other", &[("source", what)]));
                if src.publicly_accessible {
                    source_parts.push(self.s("scope.source_public", &[]));
                }
            }
            None => {}
        }
        let from_subject = a.source.as_ref().is_none_or(|s| s.from_data_subject);
        match &a.provision {
            Some(p) => {
                let id = match p.requirement {
                    ProvisionRequirement::Statutory => "scope.provision_statutory",
                    ProvisionRequirement::Contractual => "scope.provision_contractual",
                    ProvisionRequirement::ContractPrerequisite => {
                        "scope.provision_contract_prerequisite"
                    }
                    ProvisionRequirement::Technical => "scope.provision_technical",
                    ProvisionRequirement::Voluntary => "scope.provision_voluntary",
                };
                source_parts.push(self.s(id, &[]));
                if let Some(c) = &p.consequences {
                    source_parts.push(
                        self.sentence("scope.provision_consequences", &[("consequences", text(c))]),
                    );
                }
            }
            None if from_subject => source_parts.push(self.gap("provision", &[])),
            None => {}
        }
        if !source_parts.is_empty() {
            items.push(Item::Paragraph(join(source_parts)));
        }
        self.block("scope", items)
    }

    fn purposes_block(&mut self, a: &'a Activity) -> Block {
        let mut entries = Vec::new();
        for p in &a.purposes {
            let purpose = p.description.trim().to_owned();
            let mut parts = vec![self.sentence("purpose.item", &[("purpose", text(&purpose))])];
            match p.legal_basis {
                Some(basis) => {
                    let info = reference().art6(basis);
                    parts.push(self.s(
                        "purpose.basis",
                        &[
                            ("citation", text(info.citation(self.german))),
                            ("label", text(info.label(self.german))),
                        ],
                    ));
                    match basis {
                        LegalBasis::LegitimateInterests => {
                            let interest = match &p.legitimate_interest {
                                Some(i) => text(i.trim()),
                                None => {
                                    self.gap("legitimate_interest", &[("purpose", purpose.clone())])
                                }
                            };
                            parts
                                .push(self.sentence("purpose.interest", &[("interest", interest)]));
                        }
                        LegalBasis::LegalObligation | LegalBasis::PublicTask => {
                            let provision = match &p.legal_provision {
                                Some(l) => text(l),
                                None => {
                                    self.gap("legal_provision", &[("purpose", purpose.clone())])
                                }
                            };
                            let id = if basis == LegalBasis::LegalObligation {
                                "purpose.obligation"
                            } else {
                                "purpose.task"
                            };
                            parts.push(self.sentence(id, &[("provision", provision)]));
                        }
                        _ => {}
                    }
                }
                None => {
                    let gap = self.gap("legal_basis", &[("purpose", purpose.clone())]);
                    parts.push(gap);
                }
            }
            if let Some(c) = p.art9_condition {
                let info = reference().art9(c);
                parts.push(self.s(
                    "purpose.art9",
                    &[
                        ("citation", text(info.citation(self.german))),
                        ("label", text(info.label(self.german))),
                    ],
                ));
            }
            if let Some(auth) = &p.art10_authorisation {
                parts.push(self.s("purpose.art10", &[("authorisation", text(auth))]));
            }
            if let Some(consent) = &p.consent {
                if let Some(o) = &consent.obtained {
                    parts.push(
                        self.sentence("purpose.consent_obtained", &[("obtained", text(o.trim()))]),
                    );
                }
                if consent.implied {
                    parts.push(self.gap("implied_consent", &[("purpose", purpose.clone())]));
                }
            }
            for law in &p.national_law {
                parts.push(self.national_law(law));
            }
            entries.push(join(parts));
        }
        let mut items = Vec::new();
        if entries.is_empty() {
            items.push(Item::Paragraph(self.gap("purposes", &[])));
        } else {
            items.push(Item::List(entries));
        }
        // Special-category and criminal-offence data need their own condition.
        let special: Vec<String> = a
            .data_categories
            .iter()
            .filter(|d| {
                self.categories
                    .get(d.category.as_str())
                    .is_some_and(|c| c.special.is_some())
            })
            .map(|d| self.category_name(&d.category))
            .collect();
        if !special.is_empty() && a.purposes.iter().all(|p| p.art9_condition.is_none()) {
            let gap = self.gap("art9", &[("categories", special.join(", "))]);
            items.push(Item::Paragraph(gap));
        }
        let criminal: Vec<String> = a
            .data_categories
            .iter()
            .filter(|d| {
                self.categories
                    .get(d.category.as_str())
                    .is_some_and(|c| c.criminal)
            })
            .map(|d| self.category_name(&d.category))
            .collect();
        if !criminal.is_empty() && a.purposes.iter().all(|p| p.art10_authorisation.is_none()) {
            let gap = self.gap("art10", &[("categories", criminal.join(", "))]);
            items.push(Item::Paragraph(gap));
        }
        self.block("purposes", items)
    }

    fn national_law(&mut self, law: &NationalLawRef) -> Vec<Run> {
        let Some(p) = reference().national_law(&law.code) else {
            return text(law.as_stated.clone().unwrap_or_else(|| law.code.clone()));
        };
        let citation = p.citation(self.german).to_owned();
        if !p.in_force {
            let date = p
                .repealed_on
                .as_deref()
                .and_then(Date::parse)
                .map(|d| format_date(d, self.lang))
                .unwrap_or_default();
            return self.gap("repealed_law", &[("citation", citation), ("date", date)]);
        }
        let id = match p.code.as_str() {
            "TDDDG_25_1" => "purpose.terminal_consent",
            "TDDDG_25_2_NR2" => "purpose.terminal_necessary",
            "TDDDG_25_2_NR1" => "purpose.terminal_transmission",
            _ if p.terminal_device => "purpose.terminal_other",
            _ => "purpose.national",
        };
        self.s(id, &[("citation", text(citation))])
    }

    fn recipients_block(&mut self, a: &'a Activity) -> Block {
        let mut items = Vec::new();
        if a.recipients.is_empty() {
            if a.no_recipients {
                items.push(Item::Paragraph(self.s("recipient.none", &[])));
            } else {
                items.push(Item::Paragraph(self.gap("recipients", &[])));
            }
            return self.block("recipients", items);
        }
        let mut list = Vec::new();
        for r in &a.recipients {
            let party = self.parties.get(r.party.as_str()).copied();
            let name = party
                .map(|p| p.name.clone())
                .unwrap_or_else(|| r.party.clone());
            let who = match party {
                Some(p) if p.kind == PartyKind::Entity => match &p.address {
                    Some(addr) => self.s(
                        "recipient.address",
                        &[("name", text(&name)), ("address", text(one_line(addr)))],
                    ),
                    None => {
                        let gap = self.gap("recipient_address", &[("name", name.clone())]);
                        join(vec![text(&name), gap])
                    }
                },
                _ => text(&name),
            };
            let role = match r.role {
                RecipientRole::Other => Vec::new(),
                RecipientRole::Processor => text(self.label("role.processor")),
                RecipientRole::SubProcessor => match party.and_then(|p| p.parent.as_deref()) {
                    Some(parent) => {
                        let parent = self.party_name(parent);
                        self.s("role.sub_processor", &[("parent", text(parent))])
                    }
                    None => self.s("role.sub_processor_unnamed", &[]),
                },
                RecipientRole::JointController => self.s("role.joint_controller", &[]),
                RecipientRole::IndependentController => self.s("role.independent_controller", &[]),
                RecipientRole::GroupCompany => self.s("role.group_company", &[]),
                RecipientRole::PublicAuthority => self.s("role.public_authority", &[]),
                RecipientRole::Unspecified => self.gap("recipient_role", &[("name", name.clone())]),
            };
            let mut parts = vec![if role.is_empty() {
                self.s("recipient.item_plain", &[("party", who)])
            } else {
                self.s("recipient.item", &[("party", who), ("role", role)])
            }];
            if let Some(s) = &r.service {
                parts.push(self.sentence("recipient.service", &[("service", text(s))]));
            }
            if let Some(l) = &r.location {
                parts.push(self.sentence("recipient.location", &[("location", text(l))]));
            }
            if let Some(url) = party.and_then(|p| p.privacy_policy_url.as_deref()) {
                parts.push(self.s("recipient.policy", &[("url", url_runs(url))]));
            }
            list.push(join(parts));
        }
        items.push(Item::Paragraph(self.s("recipient.intro", &[])));
        items.push(Item::List(list));
        self.block("recipients", items)
    }

    fn joint_block(&mut self, a: &'a Activity) -> Option<Block> {
        let joint_parties: Vec<&str> = a
            .recipients
            .iter()
            .filter(|r| r.role == RecipientRole::JointController)
            .map(|r| r.party.as_str())
            .collect();
        let arrangements: Vec<&JointArrangement> = self
            .reg
            .joint_arrangements
            .iter()
            .filter(|j| {
                j.activities.contains(&a.id)
                    || (j.activities.is_empty()
                        && j.parties
                            .iter()
                            .any(|p| joint_parties.contains(&p.as_str())))
            })
            .collect();
        let mut items = Vec::new();
        let mut covered: HashSet<&str> = HashSet::new();
        for j in &arrangements {
            covered.extend(j.parties.iter().map(String::as_str));
            let names: Vec<String> = j.parties.iter().map(|p| self.party_name(p)).collect();
            let parties = self.and_list(&names);
            let mut parts = vec![self.s(
                "joint.intro",
                &[("parties", text(&parties)), ("title", text(&j.title))],
            )];
            if let Some(s) = &j.scope {
                parts.push(self.sentence("joint.scope", &[("scope", text(s))]));
            }
            let duty = |d: JointDuty, what: &str| match d {
                JointDuty::Us => format!("joint.{what}_us"),
                JointDuty::Partner => format!("joint.{what}_partner"),
                JointDuty::Each => format!("joint.{what}_each"),
            };
            if let Some(d) = j.information_duty {
                parts.push(self.s(&duty(d, "information"), &[("parties", text(&parties))]));
            }
            if let Some(d) = j.requests_handled_by {
                parts.push(self.s(&duty(d, "requests"), &[("parties", text(&parties))]));
            }
            if let Some(r) = &j.responsibilities {
                parts.push(
                    self.sentence("joint.responsibilities", &[("responsibilities", text(r))]),
                );
            }
            if j.information_duty.is_none()
                && j.requests_handled_by.is_none()
                && j.responsibilities.is_none()
            {
                parts.push(self.gap("arrangement_terms", &[("title", j.title.clone())]));
            }
            parts.push(self.s("joint.any", &[]));
            if let Some(c) = &j.contact_point {
                parts.push(self.sentence("joint.contact", &[("contact", text(c))]));
            }
            match (&j.essence_url, &j.essence_text) {
                (None, None) => parts.push(self.gap("essence", &[("title", j.title.clone())])),
                (url, essence) => {
                    if let Some(u) = url {
                        parts.push(self.s("joint.essence_url", &[("url", url_runs(u))]));
                    }
                    if let Some(e) = essence {
                        parts.push(self.sentence("joint.essence_text", &[("text", text(e))]));
                    }
                }
            }
            items.push(Item::Paragraph(join(parts)));
        }
        let mut seen = HashSet::new();
        for p in joint_parties {
            if !covered.contains(p) && seen.insert(p) {
                let name = self.party_name(p);
                items.push(Item::Paragraph(self.gap("arrangement", &[("name", name)])));
            }
        }
        (!items.is_empty()).then(|| self.block("joint", items))
    }

    fn transfers_block(
        &mut self,
        a: &'a Activity,
        rights_contact: Option<&Contact>,
    ) -> Option<Block> {
        let transfers: Vec<&Transfer> = self
            .reg
            .transfers
            .iter()
            .filter(|t| t.activity.as_deref() == Some(a.id.as_str()))
            .collect();
        let mut entries = Vec::new();
        for t in &transfers {
            entries.push(self.transfer(t, rights_contact));
        }
        // Recipients established outside the EEA with no transfer on record.
        let mut flagged = HashSet::new();
        for r in &a.recipients {
            let Some(p) = self.parties.get(r.party.as_str()).copied() else {
                continue;
            };
            if let Some(c) = &p.country
                && !reference().is_eea(c)
                && !transfers.iter().any(|t| t.party == p.id)
                && flagged.insert(p.id.as_str())
            {
                let country = self.country_name(c);
                entries.push(self.gap(
                    "transfer_unrecorded",
                    &[("party", p.name.clone()), ("country", country)],
                ));
            }
        }
        if !entries.is_empty() {
            return Some(self.block("transfers", vec![Item::List(entries)]));
        }
        // No transfer: say so only where the register shows it (no recipients outside us, or
        // every recipient is established in the EEA).
        let all_eea = a.recipients.iter().all(|r| {
            self.parties
                .get(r.party.as_str())
                .and_then(|p| p.country.as_deref())
                .is_some_and(|c| reference().is_eea(c))
        });
        if (a.recipients.is_empty() && a.no_recipients) || (!a.recipients.is_empty() && all_eea) {
            let none = self.s("transfer.none", &[]);
            return Some(self.block("transfers", vec![Item::Paragraph(none)]));
        }
        None
    }

    fn transfer(&mut self, t: &Transfer, rights_contact: Option<&Contact>) -> Vec<Run> {
        let party = self.party_name(&t.party);
        let destination = match (&t.country, &t.international_organisation) {
            (Some(c), _) => Some(self.country_name(c)),
            (None, Some(io)) => Some(plain(
                &self.s("transfer.organisation", &[("name", text(io))]),
            )),
            (None, None) => None,
        };
        let dest_runs = match &destination {
            Some(d) => text(d),
            None => self.gap("transfer_destination", &[("party", party.clone())]),
        };
        let dest_name = destination.clone().unwrap_or_default();
        let mut parts = vec![self.s(
            "transfer.to",
            &[("party", text(&party)), ("destination", dest_runs)],
        )];
        let mut copy = false;
        let mechanism = match &t.mechanism {
            None if destination.is_none() => {
                self.gap("transfer_mechanism_nowhere", &[("party", party.clone())])
            }
            None => self.gap(
                "transfer_mechanism",
                &[("party", party.clone()), ("destination", dest_name.clone())],
            ),
            Some(TransferMechanism::Adequacy { decision }) => {
                match reference().adequacy(decision) {
                    Some(d) if d.requires_dpf => self.dpf(t, &party, &dest_name),
                    Some(d) => {
                        let date = self.version_date.to_string();
                        let country_ok = match (&t.country, &d.country) {
                            (Some(tc), Some(dc)) => tc == dc,
                            (None, None) => true,
                            _ => false,
                        };
                        if d.expired_on(&date) {
                            let until = d
                                .valid_until
                                .as_deref()
                                .and_then(Date::parse)
                                .map(|x| format_date(x, self.lang))
                                .unwrap_or_default();
                            self.gap(
                                "adequacy_expired",
                                &[
                                    ("party", party.clone()),
                                    ("decision", d.decision.clone().unwrap_or_default()),
                                    ("date", until),
                                ],
                            )
                        } else if !country_ok {
                            self.gap(
                                "adequacy_country",
                                &[
                                    ("destination", dest_name.clone()),
                                    ("jurisdiction", d.name(self.german).to_owned()),
                                ],
                            )
                        } else {
                            let number = match &d.decision {
                                Some(n) => text(n),
                                None => {
                                    let adopted = Date::parse(&d.adopted)
                                        .map(|x| format_date(x, self.lang))
                                        .unwrap_or_else(|| d.adopted.clone());
                                    self.s("transfer.decision_dated", &[("date", text(adopted))])
                                }
                            };
                            let mut runs = self.s(
                                "transfer.adequacy",
                                &[
                                    ("jurisdiction", text(d.name(self.german))),
                                    ("decision", number),
                                ],
                            );
                            if d.restricted_scope {
                                let scope = self.s(
                                    "transfer.adequacy_scope",
                                    &[("scope", text(d.scope(self.german)))],
                                );
                                runs = join(vec![runs, scope]);
                            }
                            runs
                        }
                    }
                    None => text(decision),
                }
            }
            Some(TransferMechanism::Dpf { .. }) => self.dpf(t, &party, &dest_name),
            Some(TransferMechanism::Scc { module, .. }) => {
                copy = true;
                let label = reference()
                    .scc_module(*module)
                    .label(self.german)
                    .to_owned();
                self.s(
                    "transfer.scc",
                    &[("party", text(&party)), ("module", text(label))],
                )
            }
            Some(
                m @ (TransferMechanism::Bcr { reference: r }
                | TransferMechanism::PublicBodyInstrument { reference: r }
                | TransferMechanism::SaClauses { reference: r }
                | TransferMechanism::CodeOfConduct { reference: r }
                | TransferMechanism::Certification { reference: r }
                | TransferMechanism::AuthorisedClauses { reference: r }
                | TransferMechanism::AdministrativeArrangement { reference: r }),
            ) => {
                copy = true;
                let (label, article) = reference()
                    .transfer_kind(m.kind())
                    .map(|k| {
                        (
                            k.label(self.german).to_owned(),
                            k.citation(self.german).to_owned(),
                        )
                    })
                    .unwrap_or_else(|| (m.kind().to_owned(), String::new()));
                let mut runs = self.s(
                    "transfer.safeguard",
                    &[("kind", text(label)), ("article", text(article))],
                );
                if let Some(r) = r {
                    let reference =
                        self.s("transfer.safeguard_reference", &[("reference", text(r))]);
                    runs = join(vec![runs, reference]);
                }
                runs
            }
            Some(TransferMechanism::Derogation { derogation }) => {
                let info = reference().art49(*derogation);
                self.s(
                    "transfer.derogation",
                    &[
                        ("citation", text(info.citation(self.german))),
                        ("label", text(info.label(self.german))),
                    ],
                )
            }
            Some(TransferMechanism::CompellingInterest { safeguards }) => {
                self.sentence("transfer.compelling", &[("safeguards", text(safeguards))])
            }
            Some(TransferMechanism::PrivacyShield {}) => self.invalid(&party, "PRIVACY_SHIELD"),
            Some(TransferMechanism::LegacyScc { decision, .. }) => self.invalid(&party, decision),
        };
        parts.push(mechanism);
        if copy {
            parts.push(match &t.copy_available {
                Some(how) => self.sentence("transfer.copy", &[("how", text(how))]),
                None => {
                    let contact = self.contact_runs(rights_contact);
                    self.s("transfer.copy_contact", &[("contact", contact)])
                }
            });
        }
        join(parts)
    }

    fn dpf(&mut self, t: &Transfer, party: &str, destination: &str) -> Vec<Run> {
        if t.country.as_deref() != Some("US") {
            return self.gap(
                "dpf_country",
                &[
                    ("party", party.to_owned()),
                    ("destination", destination.to_owned()),
                ],
            );
        }
        let decision = reference()
            .adequacy("ADEQ_US_DPF")
            .and_then(|d| d.decision.clone())
            .unwrap_or_else(|| "(EU) 2023/1795".to_owned());
        self.s(
            "transfer.dpf",
            &[("party", text(party)), ("decision", text(decision))],
        )
    }

    fn invalid(&mut self, party: &str, code: &str) -> Vec<Run> {
        let (label, date) = match reference().legacy_mechanism(code) {
            Some(m) => (
                format!("{}, {}", m.label(self.german), m.decision),
                Date::parse(&m.invalid_since)
                    .map(|d| format_date(d, self.lang))
                    .unwrap_or_else(|| m.invalid_since.clone()),
            ),
            None => (code.to_owned(), String::new()),
        };
        self.gap(
            "transfer_invalid",
            &[
                ("party", party.to_owned()),
                ("mechanism", label),
                ("date", date),
            ],
        )
    }

    fn retention_runs(&mut self, r: &Retention) -> Vec<Run> {
        match r {
            Retention::Period {
                amount,
                unit,
                trigger,
                note,
            } => {
                let forms = self.t.list(&format!(
                    "retention.{}",
                    match unit {
                        PeriodUnit::Hours => "hours",
                        PeriodUnit::Days => "days",
                        PeriodUnit::Weeks => "weeks",
                        PeriodUnit::Months => "months",
                        PeriodUnit::Years => "years",
                    }
                ));
                let word = forms
                    .get(usize::from(*amount != 1))
                    .cloned()
                    .unwrap_or_default();
                let period = text(format!("{amount} {word}"));
                let mut parts = vec![match trigger {
                    Some(tr) => self.sentence(
                        "retention.period_trigger",
                        &[("period", period), ("trigger", text(tr))],
                    ),
                    None => self.sentence("retention.period", &[("period", period)]),
                }];
                if let Some(n) = note {
                    parts.push(self.sentence("retention.note", &[("note", text(n))]));
                }
                join(parts)
            }
            Retention::Criteria { text: t } => {
                self.sentence("retention.criteria", &[("text", text(t))])
            }
            Retention::Statutory { rule, note } => {
                let mut parts = Vec::new();
                match reference().retention_rule(rule) {
                    Some(x) => {
                        let mut documents = x.documents(self.german).to_owned();
                        if !self.german {
                            // "requires us to keep books and records …"
                            let mut chars = documents.chars();
                            if let Some(first) = chars.next() {
                                documents = first.to_lowercase().chain(chars).collect();
                            }
                        }
                        parts.push(self.sentence(
                            "retention.statutory",
                            &[
                                ("years", text(x.years.to_string())),
                                ("citation", text(x.citation(self.german))),
                                ("documents", text(documents)),
                                ("starts", text(x.starts(self.german))),
                            ],
                        ));
                    }
                    None => parts.push(text(rule)),
                }
                if let Some(n) = note {
                    parts.push(self.sentence("retention.note", &[("note", text(n))]));
                }
                join(parts)
            }
        }
    }

    fn retention_block(&mut self, a: &'a Activity) -> Block {
        let mut items = Vec::new();
        if a.data_categories.is_empty() {
            let runs = match &a.retention {
                Some(r) => self.retention_runs(r),
                None => self.gap("retention_all", &[]),
            };
            items.push(Item::Paragraph(runs));
            return self.block("retention", items);
        }
        // Group the categories by the rule that applies to them, in order of first use.
        let mut groups: Vec<(Option<&Retention>, Vec<String>)> = Vec::new();
        for d in &a.data_categories {
            let rule = a.retention_for(d);
            let name = self.category_name(&d.category);
            match groups.iter_mut().find(|(r, _)| *r == rule) {
                Some((_, names)) => names.push(name),
                None => groups.push((rule, vec![name])),
            }
        }
        if let [(rule, _)] = groups.as_slice() {
            let runs = match rule {
                Some(r) => self.retention_runs(r),
                None => self.gap("retention_all", &[]),
            };
            items.push(Item::Paragraph(runs));
        } else {
            let mut list = Vec::new();
            for (rule, names) in groups {
                let joined = names.join(", ");
                let runs = match rule {
                    Some(r) => self.retention_runs(r),
                    None => self.gap("retention", &[("categories", joined.clone())]),
                };
                list.push(self.s(
                    "retention.item",
                    &[("categories", text(joined)), ("rule", runs)],
                ));
            }
            items.push(Item::List(list));
        }
        self.block("retention", items)
    }

    fn activity_rights_block(&mut self, a: &'a Activity) -> Block {
        let citations = |bases: &[LegalBasis], german: bool| -> Vec<String> {
            let mut out: Vec<String> = Vec::new();
            for b in bases {
                let c = reference().art6(*b).citation(german).to_owned();
                if !out.contains(&c) {
                    out.push(c);
                }
            }
            out
        };
        let bases: Vec<LegalBasis> = a.purposes.iter().filter_map(|p| p.legal_basis).collect();
        let mut items = Vec::new();
        let ef: Vec<LegalBasis> = bases
            .iter()
            .copied()
            .filter(|b| matches!(b, LegalBasis::PublicTask | LegalBasis::LegitimateInterests))
            .collect();
        if !ef.is_empty() {
            let list = self.and_list(&citations(&ef, self.german));
            items.push(Item::Paragraph(
                self.s("activity_rights.objection", &[("citations", text(list))]),
            ));
        }
        if a.purposes
            .iter()
            .any(|p| p.national_law.iter().any(|l| l.code == "UWG_7_3"))
        {
            items.push(Item::Paragraph(self.s("activity_rights.marketing", &[])));
        }
        let ab: Vec<LegalBasis> = bases
            .iter()
            .copied()
            .filter(|b| matches!(b, LegalBasis::Consent | LegalBasis::Contract))
            .collect();
        if !ab.is_empty() {
            let list = self.and_list(&citations(&ab, self.german));
            items.push(Item::Paragraph(
                self.s("activity_rights.portability", &[("citations", text(list))]),
            ));
        }
        for p in &a.purposes {
            let consent_based = p.legal_basis == Some(LegalBasis::Consent)
                || p.art9_condition == Some(Art9Condition::ExplicitConsent)
                || p.consent.is_some();
            if !consent_based {
                continue;
            }
            let purpose = p.description.trim().to_owned();
            let how = match p.consent.as_ref().and_then(|c| c.withdrawal.as_deref()) {
                Some(w) => text(w.trim()),
                None => self.gap("withdrawal", &[("purpose", purpose.clone())]),
            };
            items.push(Item::Paragraph(self.sentence(
                "activity_rights.withdrawal",
                &[("purpose", text(purpose)), ("how", how)],
            )));
        }
        if let Some(info) = &a.rights_info {
            items.push(Item::Paragraph(
                self.sentence("activity_rights.info", &[("info", text(info))]),
            ));
        }
        let heading = self.label("heading.rights");
        items.push(Item::Paragraph(
            self.s("activity_rights.general", &[("heading", text(heading))]),
        ));
        self.block("activity_rights", items)
    }

    fn automated_block(&mut self, ad: &AutomatedDecision) -> Block {
        let mut parts = vec![self.sentence(
            "automated.exists",
            &[("description", text(&ad.description))],
        )];
        let logic = match &ad.logic {
            Some(l) => text(l),
            None => self.gap("automated_logic", &[]),
        };
        parts.push(self.sentence("automated.logic", &[("logic", logic)]));
        let consequences = match &ad.consequences {
            Some(c) => text(c),
            None => self.gap("automated_consequences", &[]),
        };
        parts.push(self.sentence("automated.consequences", &[("consequences", consequences)]));
        self.block("automated", vec![Item::Paragraph(join(parts))])
    }
}

//! Composition of the notice from the register: which sentence says which fact.

mod activity;
mod general;
mod recipients;
mod retention;
mod transfers;

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
                .filter(|a| a.in_notice && a.is_live())
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
    /// The organisation's primary language: the language of its plain texts.
    fn primary(&self) -> Language {
        self.reg.organisation.language
    }

    /// A register text in the notice's language. Where the register holds it only in another
    /// language, that text marked as not translated and listed among the gaps (a draft shows
    /// it, the final notice is refused).
    fn local(&mut self, t: &LocalText) -> Vec<Run> {
        let shown = t.show(self.lang, self.primary());
        let words = shown.text.trim();
        if shown.translated {
            return text(words);
        }
        let message = |lang: Language| {
            let t = template(lang);
            let language = t.get(&format!("language.{}", self.lang.code())).to_owned();
            plain(&fill(t.get("gap.untranslated"), |name| match name {
                "language" => Some(text(&language)),
                "text" => Some(text(words)),
                _ => None,
            }))
        };
        let gap = Gap {
            section: self.section.clone(),
            fact: "untranslated".to_owned(),
            message_en: message(Language::En),
            message_de: message(Language::De),
        };
        self.gaps.push(gap);
        let marker = plain(&fill(self.t.get("document.untranslated"), |name| {
            (name == "text").then(|| text(words))
        }));
        vec![Run::Missing { text: marker }]
    }

    /// Register texts joined with ", ", each in the notice's language or marked.
    fn local_list(&mut self, texts: &[&LocalText]) -> Vec<Run> {
        let mut out = Vec::new();
        for t in texts {
            if !out.is_empty() {
                push_text(&mut out, ", ");
            }
            for run in self.local(t) {
                push_run(&mut out, run);
            }
        }
        out
    }

    /// The words of a register text as the notice quotes them in a gap's description: in the
    /// notice's language, else in the primary language.
    fn words(&self, t: &LocalText) -> String {
        t.show(self.lang, self.primary()).text.trim().to_owned()
    }

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
            .map(|p| self.words(&p.name))
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
        if let Some(country) = &c.country
            && let Some(name) =
                reference().country_after(c.address.as_deref(), country, self.german)
        {
            parts.push(text(name));
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

    /// How data subjects reach us: an e-mail address wherever the register has one (the rights
    /// contact's, the organisation's, the DPO's), a postal address only when it has none.
    fn contact_runs(&mut self, rights_contact: Option<&Contact>) -> Vec<Run> {
        let org = &self.reg.organisation;
        let email = rights_contact
            .and_then(|c| c.email.as_ref())
            .or(org.email.as_ref())
            .or_else(|| org.dpo.as_ref().and_then(|d| d.email.as_ref()));
        if let Some(e) = email {
            return email_link(e);
        }
        if let Some(c) = rights_contact
            && let Some(address) = &c.address
        {
            return text(one_line(&format!("{}\n{address}", c.name)));
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
}

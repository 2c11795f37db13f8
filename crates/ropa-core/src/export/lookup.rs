//! Looking things up in a record document: records by id, what refers to what.

use super::*;
use std::collections::BTreeMap;

impl RecordDocument {
    /// The organisation's primary language: the language of its plain texts.
    pub fn primary_language(&self) -> Language {
        self.content.organisation.language
    }

    /// A register text in the document's language; where the register holds it only in
    /// another language, that text with a visible "(not translated)" mark, so that a reader
    /// knows the register has no text in this language for it.
    pub fn local(&self, t: &LocalText) -> String {
        let shown = t.show(self.language, self.primary_language());
        if shown.translated {
            shown.text.to_owned()
        } else {
            format!("{} {}", shown.text, self.labels().not_translated)
        }
    }

    /// [`RecordDocument::local`] of a text the register may not hold (empty then).
    pub fn local_opt(&self, t: Option<&LocalText>) -> String {
        t.map_or_else(String::new, |t| self.local(t))
    }

    /// An activity as a document names it: `WEB-01 Website`.
    pub fn activity_label(&self, a: &Activity) -> String {
        format!("{} {}", a.reference, self.local(&a.name))
    }

    /// A party's name as the document prints it: a legal entity's as registered, a
    /// category's in the document's language ([`RecordDocument::local`]).
    pub fn party_label(&self, p: &Party) -> String {
        if p.is_entity() {
            p.name.best(self.language).to_owned()
        } else {
            self.local(&p.name)
        }
    }

    /// Whether the document is in German.
    pub fn german(&self) -> bool {
        self.language == Language::De
    }

    /// The labels of the document's language.
    pub fn labels(&self) -> &'static labels::Labels {
        labels::labels(self.language)
    }

    /// The first 12 hex digits of the digest (printed on every page).
    pub fn short_hash(&self) -> &str {
        &self.sha256[..12]
    }

    /// The party with `id`.
    pub fn party(&self, id: &str) -> Option<&Party> {
        self.index
            .parties
            .get(id)
            .map(|&i| &self.content.parties[i])
    }

    /// The data category with `id`.
    pub fn data_category(&self, id: &str) -> Option<&DataCategory> {
        self.index
            .data_categories
            .get(id)
            .map(|&i| &self.content.data_categories[i])
    }

    /// The data-subject category with `id`.
    pub fn subject_category(&self, id: &str) -> Option<&SubjectCategory> {
        self.index
            .subject_categories
            .get(id)
            .map(|&i| &self.content.subject_categories[i])
    }

    /// The measure with `id`.
    pub fn tom(&self, id: &str) -> Option<&Tom> {
        self.index.toms.get(id).map(|&i| &self.content.toms[i])
    }

    /// The activity with `id` (only activities in the record).
    pub fn activity(&self, id: &str) -> Option<&Activity> {
        self.index
            .activities
            .get(id)
            .map(|&i| &self.content.activities[i])
    }

    /// Transfers of an activity or a service.
    pub fn transfers_of(&self, owner: &str) -> impl Iterator<Item = &Transfer> {
        self.index
            .transfers_by_owner
            .get(owner)
            .into_iter()
            .flatten()
            .map(|&i| &self.content.transfers[i])
    }

    /// Joint-controller arrangements covering an activity.
    pub fn joint_arrangements_of(&self, activity: &str) -> impl Iterator<Item = &JointArrangement> {
        self.index
            .joint_by_activity
            .get(activity)
            .into_iter()
            .flatten()
            .map(|&i| &self.content.joint_arrangements[i])
    }

    /// Agreements with a party.
    pub fn agreements_with(&self, party: &str) -> impl Iterator<Item = &Agreement> {
        self.index
            .agreements_by_party
            .get(party)
            .into_iter()
            .flatten()
            .map(|&i| &self.content.agreements[i])
    }

    /// The agreements with `party` that apply to `activity` (an agreement without a list of
    /// activities covers all the processor takes part in).
    pub fn agreements_for(&self, party: &str, activity: &str) -> Vec<&Agreement> {
        self.agreements_with(party)
            .filter(|g| g.activities.is_empty() || g.activities.iter().any(|a| a == activity))
            .collect()
    }

    /// Parties acting as processors: recipients in a processor or sub-processor role, and
    /// parties with an Art. 28 agreement; in register order.
    pub fn processors(&self) -> Vec<&Party> {
        let mut ids: BTreeSet<&str> = BTreeSet::new();
        for a in &self.content.activities {
            for r in &a.recipients {
                if matches!(
                    r.role,
                    RecipientRole::Processor | RecipientRole::SubProcessor
                ) {
                    ids.insert(&r.party);
                }
            }
        }
        for g in &self.content.agreements {
            ids.insert(&g.party);
        }
        self.content
            .parties
            .iter()
            .filter(|p| ids.contains(p.id.as_str()))
            .collect()
    }

    /// The roles a party is recorded in as a recipient, each with the activities (in register
    /// order), roles in the order of [`RecipientRole`].
    pub fn roles_of(&self, party: &str) -> Vec<(RecipientRole, Vec<&Activity>)> {
        let mut roles: BTreeMap<RecipientRole, Vec<&Activity>> = BTreeMap::new();
        for a in &self.content.activities {
            for r in a.recipients.iter().filter(|r| r.party == party) {
                let list = roles.entry(r.role).or_default();
                if !list.iter().any(|x| x.id == a.id) {
                    list.push(a);
                }
            }
        }
        roles.into_iter().collect()
    }

    /// The activities (references) in which a party takes part in any role.
    pub fn activities_using_party(&self, party: &str) -> Vec<&Activity> {
        self.content
            .activities
            .iter()
            .filter(|a| {
                a.recipients.iter().any(|r| r.party == party)
                    || self.transfers_of(&a.id).any(|t| t.party == party)
                    || self
                        .joint_arrangements_of(&a.id)
                        .any(|j| j.parties.iter().any(|p| p == party))
            })
            .collect()
    }

    /// The document identity printed on every page: organisation, record, revision, date and
    /// the start of the digest.
    pub fn identity(&self) -> String {
        let l = self.labels();
        format!(
            "{} · {} · {} {} · {} · SHA-256 {}",
            self.content.organisation.legal_name,
            l.record_short(self.content.record),
            l.revision_label,
            self.revision,
            self.export_date,
            self.short_hash()
        )
    }
}

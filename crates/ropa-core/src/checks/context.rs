//! What the rules work with: the register and its lookups ([`Cx`]), and where a finding points
//! ([`Target`]).

use super::*;

/// What the rules see: the register with lookups, the options, and the findings so far.
pub(crate) struct Cx<'a> {
    pub reg: &'a Register,
    pub opts: &'a CheckOptions,
    parties: HashMap<&'a str, &'a Party>,
    categories: HashMap<&'a str, &'a DataCategory>,
    order: HashMap<(Entity, &'a str), (u8, usize)>,
    out: Vec<Finding>,
}

impl<'a> Cx<'a> {
    pub(super) fn new(reg: &'a Register, opts: &'a CheckOptions) -> Cx<'a> {
        let mut order = HashMap::new();
        order.insert((Entity::Organisation, reg.organisation.id.as_str()), (0, 0));
        fn index<'a, T: RecordMeta>(
            order: &mut HashMap<(Entity, &'a str), (u8, usize)>,
            rank: u8,
            records: &'a [T],
        ) {
            for (i, r) in records.iter().enumerate() {
                order.entry((T::ENTITY, r.id())).or_insert((rank, i));
            }
        }
        index(&mut order, 1, &reg.activities);
        index(&mut order, 2, &reg.transfers);
        index(&mut order, 3, &reg.parties);
        index(&mut order, 4, &reg.agreements);
        index(&mut order, 5, &reg.joint_arrangements);
        index(&mut order, 6, &reg.processor_services);
        index(&mut order, 7, &reg.data_categories);
        index(&mut order, 8, &reg.subject_categories);
        index(&mut order, 9, &reg.toms);
        Cx {
            reg,
            opts,
            parties: reg.parties.iter().map(|p| (p.id.as_str(), p)).collect(),
            categories: reg
                .data_categories
                .iter()
                .map(|c| (c.id.as_str(), c))
                .collect(),
            order,
            out: Vec::new(),
        }
    }

    /// The party with `id`.
    pub fn party(&self, id: &str) -> Option<&'a Party> {
        self.parties.get(id).copied()
    }

    /// The data category with `id`.
    pub fn category(&self, id: &str) -> Option<&'a DataCategory> {
        self.categories.get(id).copied()
    }

    /// The activity with `id`.
    pub fn activity(&self, id: &str) -> Option<&'a Activity> {
        self.reg.activities.iter().find(|a| a.id == id)
    }

    /// The activities the checks look at: every one except retired ones (kept for the record
    /// only).
    pub fn live_activities(&self) -> impl Iterator<Item = &'a Activity> + use<'a> {
        self.reg.activities.iter().filter(|a| a.is_live())
    }

    /// Records a finding of `rule` with its catalogue letter.
    pub fn emit(&mut self, rule: &RuleInfo, target: Target, en: String, de: String) {
        self.emit_letter(rule, rule.letter, target, en, de);
    }

    /// Records a finding of `rule` mapped to `letter` instead of the catalogue's.
    pub fn emit_letter(
        &mut self,
        rule: &RuleInfo,
        letter: Option<Art30Letter>,
        target: Target,
        en: String,
        de: String,
    ) {
        self.out.push(Finding {
            code: rule.code.to_owned(),
            severity: rule.severity,
            article: rule.article.to_owned(),
            article_de: rule.article_de.to_owned(),
            letter,
            message_en: en,
            message_de: de,
            target,
        });
    }

    pub(super) fn finish(self) -> Vec<Finding> {
        let order = self.order;
        let mut out = self.out;
        // Stable: findings of one record keep the order in which the rules produced them.
        out.sort_by_key(|f| {
            order
                .get(&(f.target.entity, f.target.id.as_str()))
                .copied()
                .unwrap_or((u8::MAX, usize::MAX))
        });
        out
    }
}

/// Target builders.
impl Target {
    /// The organisation record.
    pub fn organisation(org: &Organisation, field: Option<&str>) -> Target {
        Target {
            entity: Entity::Organisation,
            id: org.id.clone(),
            field: field.map(str::to_owned),
            label: org.legal_name.as_str().into(),
        }
    }

    /// Any record, with the label it is shown under.
    pub fn record<T: RecordMeta>(r: &T, label: LocalText, field: Option<String>) -> Target {
        Target {
            entity: T::ENTITY,
            id: r.id().to_owned(),
            field,
            label,
        }
    }

    /// An activity.
    pub fn activity(a: &Activity, field: Option<String>) -> Target {
        Target {
            entity: Entity::Activity,
            id: a.id.clone(),
            field,
            label: a.name.map(|name| format!("{} {name}", a.reference)),
        }
    }

    /// A party.
    pub fn party(p: &Party, field: Option<&str>) -> Target {
        Target {
            entity: Entity::Party,
            id: p.id.clone(),
            field: field.map(str::to_owned),
            label: p.name.clone(),
        }
    }

    /// A transfer, labelled with its importer and destination.
    pub fn transfer(t: &Transfer, label: String, field: Option<&str>) -> Target {
        Target {
            entity: Entity::Transfer,
            id: t.id.clone(),
            field: field.map(str::to_owned),
            label: label.into(),
        }
    }

    /// An Art. 28 agreement, labelled with the processor's name.
    pub fn agreement(g: &Agreement, label: String, field: Option<&str>) -> Target {
        Target {
            entity: Entity::Agreement,
            id: g.id.clone(),
            field: field.map(str::to_owned),
            label: label.into(),
        }
    }

    /// An Art. 26 arrangement.
    pub fn joint(j: &JointArrangement, field: Option<&str>) -> Target {
        Target {
            entity: Entity::JointArrangement,
            id: j.id.clone(),
            field: field.map(str::to_owned),
            label: j.title.clone(),
        }
    }

    /// A processor service.
    pub fn service(s: &ProcessorService, field: Option<&str>) -> Target {
        Target {
            entity: Entity::ProcessorService,
            id: s.id.clone(),
            field: field.map(str::to_owned),
            label: s.name.clone(),
        }
    }
}

//! Who receives the data: recipients and joint controllers.

use super::*;

impl<'a> Builder<'a> {
    pub(super) fn recipients_block(&mut self, a: &'a Activity) -> Block {
        let mut items = Vec::new();
        if a.recipients.is_empty() {
            if a.no_recipients {
                items.push(Item::Paragraph(self.s("recipient.none", &[])));
            } else {
                items.push(Item::Paragraph(self.gap("recipients", &[])));
            }
            return self.block("recipients", items);
        }
        // One item per party, however many entries (purposes, services, roles) the activity
        // records for it: the party once, every role it receives the data in, every service.
        let mut parties: Vec<(&str, Vec<&Recipient>)> = Vec::new();
        for r in &a.recipients {
            match parties.iter_mut().find(|(id, _)| *id == r.party) {
                Some((_, entries)) => entries.push(r),
                None => parties.push((r.party.as_str(), vec![r])),
            }
        }
        let mut list = Vec::new();
        for (id, entries) in parties {
            let party = self.parties.get(id).copied();
            let name = self.party_name(id);
            let who = match party {
                Some(p) if p.entity_not_named => {
                    // Named by its service: the notice must name the company behind it.
                    let gap = self.gap("recipient_entity", &[("name", name.clone())]);
                    join(vec![text(&name), gap])
                }
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
                Some(p) => self.local(&p.name),
                None => text(&name),
            };
            let mut roles: Vec<RecipientRole> = Vec::new();
            for r in &entries {
                if !roles.contains(&r.role) {
                    roles.push(r.role);
                }
            }
            let mut role = Vec::new();
            for r in roles {
                let runs = self.role_runs(r, party, &name);
                if runs.is_empty() {
                    continue;
                }
                if !role.is_empty() {
                    push_text(&mut role, "; ");
                }
                role.extend(runs);
            }
            let mut parts = vec![if role.is_empty() {
                self.s("recipient.item_plain", &[("party", who)])
            } else {
                self.s("recipient.item", &[("party", who), ("role", role)])
            }];
            let services = distinct(&entries, |r| r.service.as_ref());
            if !services.is_empty() {
                let services = self.local_list(&services);
                parts.push(self.sentence("recipient.service", &[("service", services)]));
            }
            let locations = distinct(&entries, |r| r.location.as_ref());
            if !locations.is_empty() {
                let locations = self.local_list(&locations);
                parts.push(self.sentence("recipient.location", &[("location", locations)]));
            }
            // The services' own privacy pages where the register has them, else the party's.
            let mut urls = distinct(&entries, |r| r.privacy_url.as_deref());
            if urls.is_empty() {
                urls.extend(party.and_then(|p| p.privacy_policy_url.as_deref()));
            }
            for url in urls {
                parts.push(self.s("recipient.policy", &[("url", url_runs(url))]));
            }
            list.push(join(parts));
        }
        items.push(Item::Paragraph(self.s("recipient.intro", &[])));
        items.push(Item::List(list));
        self.block("recipients", items)
    }

    /// The role a party receives the data in, as the notice words it (empty for "other").
    fn role_runs(&mut self, role: RecipientRole, party: Option<&Party>, name: &str) -> Vec<Run> {
        match role {
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
            RecipientRole::Unspecified => self.gap("recipient_role", &[("name", name.to_owned())]),
        }
    }

    pub(super) fn joint_block(&mut self, a: &'a Activity) -> Option<Block> {
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
            let title = self.local(&j.title);
            let mut parts = vec![self.s(
                "joint.intro",
                &[("parties", text(&parties)), ("title", title)],
            )];
            if let Some(s) = &j.scope {
                let scope = self.local(s);
                parts.push(self.sentence("joint.scope", &[("scope", scope)]));
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
                let r = self.local(r);
                parts.push(self.sentence("joint.responsibilities", &[("responsibilities", r)]));
            }
            if j.information_duty.is_none()
                && j.requests_handled_by.is_none()
                && j.responsibilities.is_none()
            {
                let title = self.words(&j.title);
                parts.push(self.gap("arrangement_terms", &[("title", title)]));
            }
            parts.push(self.s("joint.any", &[]));
            if let Some(c) = &j.contact_point {
                let c = self.local(c);
                parts.push(self.sentence("joint.contact", &[("contact", c)]));
            }
            match (&j.essence_url, &j.essence_text) {
                (None, None) => {
                    let title = self.words(&j.title);
                    parts.push(self.gap("essence", &[("title", title)]));
                }
                (url, essence) => {
                    if let Some(u) = url {
                        parts.push(self.s("joint.essence_url", &[("url", url_runs(u))]));
                    }
                    if let Some(e) = essence {
                        let e = self.local(e);
                        parts.push(self.sentence("joint.essence_text", &[("text", e)]));
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
}

/// What the links to one party say of `pick`, each once, in order.
fn distinct<'r, T: PartialEq + ?Sized>(
    entries: &[&'r Recipient],
    pick: impl Fn(&'r Recipient) -> Option<&'r T>,
) -> Vec<&'r T> {
    let mut out: Vec<&T> = Vec::new();
    for v in entries.iter().filter_map(|r| pick(r)) {
        if !out.contains(&v) {
            out.push(v);
        }
    }
    out
}

//! The general sections: controller, DPO, representative, rights, complaint.

use super::*;

impl<'a> Builder<'a> {
    pub(super) fn general(&mut self, name: &str) -> (String, Source) {
        self.section = format!("general:{name}");
        (
            self.section.clone(),
            Source::General {
                name: name.to_owned(),
            },
        )
    }

    pub(super) fn controller_section(&mut self, rights_contact: Option<&Contact>) -> Section {
        let (id, source) = self.general("controller");
        let org = self.reg.organisation.clone();
        let mut items = vec![Item::Paragraph(self.s("controller.intro", &[]))];
        let mut address = vec![text(&org.legal_name)];
        match (&org.street, &org.city) {
            (Some(street), Some(city)) => {
                address.push(text(street));
                let place = match &org.postcode {
                    Some(pc) => format!("{pc} {city}"),
                    None => city.clone(),
                };
                if let Some(c) = &org.country
                    && let Some(name) = reference().country_after(Some(&place), c, self.german)
                {
                    address.push(text(place));
                    address.push(text(name));
                } else {
                    address.push(text(place));
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

    pub(super) fn dpo_section(&mut self, dpo: &Dpo) -> Section {
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

    pub(super) fn representative_section(&mut self, rep: &Contact) -> Section {
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

    pub(super) fn rights_section(&mut self, rights_contact: Option<&Contact>) -> Section {
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

    pub(super) fn complaint_section(&mut self) -> Section {
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
}

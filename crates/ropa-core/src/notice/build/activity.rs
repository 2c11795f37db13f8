//! One section per activity: its scope, purposes and legal bases, the rights that follow from
//! them and automated decisions. Recipients, transfers and retention have their own rooms.

use super::*;

impl<'a> Builder<'a> {
    pub(super) fn activity_section(
        &mut self,
        a: &'a Activity,
        rights_contact: Option<&Contact>,
    ) -> Section {
        self.section = a.id.clone();
        let name = self.local(&a.name);
        let heading = self.heading("heading.activity", &[("name", name)]);
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

    pub(super) fn block(&mut self, id: &str, items: Vec<Item>) -> Block {
        Block {
            id: id.to_owned(),
            subheading: Some(self.heading(&format!("heading.{id}"), &[])),
            items,
        }
    }

    /// A data category's name in the notice's language (else the primary one's), for the
    /// sentences that quote it.
    pub(super) fn category_name(&self, id: &str) -> String {
        self.categories
            .get(id)
            .map(|c| self.words(&c.name))
            .unwrap_or_else(|| id.to_owned())
    }

    /// A data category's name as a list shows it: marked where it is not translated.
    fn category_item(&mut self, id: &str) -> Vec<Run> {
        match self.categories.get(id).copied() {
            Some(c) => self.local(&c.name),
            None => text(id),
        }
    }

    pub(super) fn scope_block(&mut self, a: &'a Activity) -> Block {
        let mut items = Vec::new();
        if let Some(d) = &a.description {
            let description = self.local(d);
            items.push(Item::Paragraph(
                self.sentence("scope.description", &[("description", description)]),
            ));
        }
        if let Some(c) = &a.collection {
            // The collection text often repeats a sentence of the description.
            let repeated = a.description.as_ref().is_some_and(|d| {
                let (d, c) = (self.words(d), self.words(c));
                d.contains(c.trim())
            });
            if !repeated {
                let collection = self.local(c);
                items.push(Item::Paragraph(
                    self.sentence("scope.collection", &[("collection", collection)]),
                ));
            }
        }
        let mut subjects: Vec<Run> = Vec::new();
        for s in &a.data_subjects {
            let name = match self.subjects.get(s.as_str()).copied() {
                Some(c) => self.local(&c.name),
                None => text(s),
            };
            if !subjects.is_empty() {
                push_text(&mut subjects, ", ");
            }
            for run in name {
                push_run(&mut subjects, run);
            }
        }
        if !subjects.is_empty() {
            items.push(Item::Paragraph(
                self.s("scope.subjects", &[("subjects", subjects)]),
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
                    let name = self.category_item(&d.category);
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
                    Some(d) => self.local(d),
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
                    let consequences = self.local(c);
                    source_parts.push(self.sentence(
                        "scope.provision_consequences",
                        &[("consequences", consequences)],
                    ));
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

    pub(super) fn purposes_block(&mut self, a: &'a Activity) -> Block {
        let mut entries = Vec::new();
        for p in &a.purposes {
            let purpose = self.words(&p.description);
            let shown = self.local(&p.description);
            let mut parts = vec![self.sentence("purpose.item", &[("purpose", shown)])];
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
                                Some(i) => self.local(i),
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
                    let obtained = self.local(o);
                    parts
                        .push(self.sentence("purpose.consent_obtained", &[("obtained", obtained)]));
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

    pub(super) fn national_law(&mut self, law: &NationalLawRef) -> Vec<Run> {
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

    pub(super) fn activity_rights_block(&mut self, a: &'a Activity) -> Block {
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
            let purpose = self.words(&p.description);
            let how = match p.consent.as_ref().and_then(|c| c.withdrawal.as_ref()) {
                Some(w) => self.local(w),
                None => self.gap("withdrawal", &[("purpose", purpose.clone())]),
            };
            items.push(Item::Paragraph(self.sentence(
                "activity_rights.withdrawal",
                &[("purpose", text(purpose)), ("how", how)],
            )));
        }
        // A stated text that denies the right to object the law grants here is not printed
        // beside the law's statement (the checks report it: RIGHTS_INFO_DENIES_OBJECTION).
        if let Some(info) = &a.rights_info
            && (ef.is_empty()
                || !info
                    .texts()
                    .iter()
                    .any(|t| crate::text::denies_objection(t)))
        {
            let info = self.local(info);
            items.push(Item::Paragraph(
                self.sentence("activity_rights.info", &[("info", info)]),
            ));
        }
        let heading = self.label("heading.rights");
        items.push(Item::Paragraph(
            self.s("activity_rights.general", &[("heading", text(heading))]),
        ));
        self.block("activity_rights", items)
    }

    pub(super) fn automated_block(&mut self, ad: &AutomatedDecision) -> Block {
        let description = self.local(&ad.description);
        let mut parts = vec![self.sentence("automated.exists", &[("description", description)])];
        let logic = match &ad.logic {
            Some(l) => self.local(l),
            None => self.gap("automated_logic", &[]),
        };
        parts.push(self.sentence("automated.logic", &[("logic", logic)]));
        let consequences = match &ad.consequences {
            Some(c) => self.local(c),
            None => self.gap("automated_consequences", &[]),
        };
        parts.push(self.sentence("automated.consequences", &[("consequences", consequences)]));
        self.block("automated", vec![Item::Paragraph(join(parts))])
    }
}

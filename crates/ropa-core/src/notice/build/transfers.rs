//! Transfers to third countries and international organisations, with their safeguards.

use super::*;

impl<'a> Builder<'a> {
    pub(super) fn transfers_block(
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
                    &[("party", self.words(&p.name)), ("country", country)],
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

    pub(super) fn transfer(&mut self, t: &Transfer, rights_contact: Option<&Contact>) -> Vec<Run> {
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
                Some(how) => {
                    let how = self.local(how);
                    self.sentence("transfer.copy", &[("how", how)])
                }
                None => {
                    let contact = self.contact_runs(rights_contact);
                    self.s("transfer.copy_contact", &[("contact", contact)])
                }
            });
        }
        join(parts)
    }

    pub(super) fn dpf(&mut self, t: &Transfer, party: &str, destination: &str) -> Vec<Run> {
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

    pub(super) fn invalid(&mut self, party: &str, code: &str) -> Vec<Run> {
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
}

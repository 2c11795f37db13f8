//! How long data are kept: structured rules, per category and for the activity.

use super::*;

impl<'a> Builder<'a> {
    pub(super) fn retention_runs(&mut self, r: &Retention) -> Vec<Run> {
        self.retention_runs_by(r, None)
    }

    /// A rule as the notice words it: kept by us, or (`who`) by a recipient under a rule of its
    /// own ("Mailer Inc. keeps the data for 14 months.").
    fn retention_runs_by(&mut self, r: &Retention, who: Option<&str>) -> Vec<Run> {
        let key = |k: &str| match who {
            Some(_) => format!("retention.by_{k}"),
            None => format!("retention.{k}"),
        };
        let by = |mut vars: Vec<(&'static str, Vec<Run>)>| {
            if let Some(w) = who {
                vars.push(("who", text(w)));
            }
            vars
        };
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
                    Some(tr) => {
                        let trigger = self.local(tr);
                        self.sentence(
                            &key("period_trigger"),
                            &by(vec![("period", period), ("trigger", trigger)]),
                        )
                    }
                    None => self.sentence(&key("period"), &by(vec![("period", period)])),
                }];
                if let Some(n) = note {
                    let note = self.local(n);
                    parts.push(self.sentence("retention.note", &[("note", note)]));
                }
                join(parts)
            }
            Retention::Criteria { text: t } => {
                let criteria = self.local(t);
                self.sentence(&key("criteria"), &by(vec![("text", criteria)]))
            }
            Retention::Unlimited { note } => {
                let mut parts = vec![self.sentence(&key("unlimited"), &by(Vec::new()))];
                if let Some(n) = note {
                    let note = self.local(n);
                    parts.push(self.sentence("retention.note", &[("note", note)]));
                }
                join(parts)
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
                            &key("statutory"),
                            &by(vec![
                                ("years", text(x.years.to_string())),
                                ("citation", text(x.citation(self.german))),
                                ("documents", text(documents)),
                                ("starts", text(x.starts(self.german))),
                            ]),
                        ));
                    }
                    None => parts.push(text(rule)),
                }
                if let Some(n) = note {
                    let note = self.local(n);
                    parts.push(self.sentence("retention.note", &[("note", note)]));
                }
                join(parts)
            }
        }
    }

    pub(super) fn retention_block(&mut self, a: &'a Activity) -> Block {
        let mut block = self.category_retention_block(a);
        let further = self.further_retention(a);
        if !further.is_empty() {
            block.items.push(Item::List(further));
        }
        block
    }

    /// The rules an activity states for a purpose or a recipient rather than per data category.
    fn further_retention(&mut self, a: &'a Activity) -> Vec<Vec<Run>> {
        let mut list = Vec::new();
        for p in &a.purposes {
            if let Some(r) = &p.retention {
                let purpose = self.local(&p.description);
                let rule = self.retention_runs(r);
                list.push(self.s("retention.purpose", &[("purpose", purpose), ("rule", rule)]));
            }
        }
        for x in &a.recipients {
            if let Some(r) = &x.retention {
                let who = self.party_name(&x.party);
                list.push(self.retention_runs_by(r, Some(&who)));
            }
        }
        list
    }

    fn category_retention_block(&mut self, a: &'a Activity) -> Block {
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
}

//! The form's controls as HTML: each bound to one value of the draft (by its id, or its
//! name for radio buttons), with its label, hint and error tied to it for screen readers
//! (`aria-invalid`, `aria-describedby`), and the error summary whose links move the focus to
//! the field. The markup is that of the Leptos components they replace.
//!
//! A control's error line is written again alone ([`show_error`]) as the person types.

use super::draft::Form;
use crate::i18n::booking::B;
use crate::plain::esc;
use rules::Lang;
use std::fmt::Write;
use web_sys::{Document, Element};

/// A text value of the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Text {
    Kind,
    Citizenship,
    Document,
    Surname,
    GivenName,
    Patronymic,
    Phone,
    Email,
    OtherCitizenship,
    OtherDocument,
    OtherSurname,
    OtherGivenName,
    OtherPatronymic,
    Bin,
    AuthorityKind,
    AuthorityNumber,
    AuthorityDate,
    Substance,
    Format,
    Interpreter,
    Language,
}

impl Text {
    pub fn get_mut(self, f: &mut Form) -> &mut String {
        match self {
            Text::Kind => &mut f.kind,
            Text::Citizenship => &mut f.citizenship,
            Text::Document => &mut f.document,
            Text::Surname => &mut f.surname,
            Text::GivenName => &mut f.given_name,
            Text::Patronymic => &mut f.patronymic,
            Text::Phone => &mut f.phone,
            Text::Email => &mut f.email,
            Text::OtherCitizenship => &mut f.other_citizenship,
            Text::OtherDocument => &mut f.other_document,
            Text::OtherSurname => &mut f.other_surname,
            Text::OtherGivenName => &mut f.other_given_name,
            Text::OtherPatronymic => &mut f.other_patronymic,
            Text::Bin => &mut f.bin,
            Text::AuthorityKind => &mut f.authority_kind,
            Text::AuthorityNumber => &mut f.authority_number,
            Text::AuthorityDate => &mut f.authority_date,
            Text::Substance => &mut f.substance,
            Text::Format => &mut f.format,
            Text::Interpreter => &mut f.interpreter,
            Text::Language => &mut f.language,
        }
    }
}

/// A yes/no value of the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flag {
    VideoConsent,
    InterpreterNeeded,
    OutOfTown,
}

impl Flag {
    pub fn set(self, f: &mut Form, value: bool) {
        match self {
            Flag::VideoConsent => f.video_consent = value,
            Flag::InterpreterNeeded => f.interpreter_needed = value,
            Flag::OutOfTown => f.out_of_town = value,
        }
    }
}

/// How a control shows its error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// An input, a text area or a select: `aria-invalid` on it, `has-error` on its block.
    Input,
    /// Radio buttons `{id}-0`, `{id}-1`…: the fieldset is described by the error.
    Radios,
    /// A checkbox: as an input.
    Checkbox,
}

/// A control of the form: its id (a radio group's name), what it sets, and the request's
/// field paths whose errors it shows.
pub struct Control {
    pub id: &'static str,
    pub value: Value,
    pub fields: &'static [&'static str],
    pub shape: Shape,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Value {
    Text(Text),
    Flag(Flag),
}

const fn text(
    id: &'static str,
    value: Text,
    fields: &'static [&'static str],
    shape: Shape,
) -> Control {
    Control {
        id,
        value: Value::Text(value),
        fields,
        shape,
    }
}

/// Every control of the form step (the acting-for radios excepted: they set a flag and show
/// no error of their own).
pub const CONTROLS: [Control; 24] = [
    text(
        "applicant-kind",
        Text::Kind,
        &["applicant.kind"],
        Shape::Radios,
    ),
    text(
        "applicant-citizenship",
        Text::Citizenship,
        &["applicant.citizenship"],
        Shape::Radios,
    ),
    text(
        "applicant-document",
        Text::Document,
        &["applicant.iin", "applicant.passport"],
        Shape::Input,
    ),
    text(
        "applicant-surname",
        Text::Surname,
        &["applicant.surname"],
        Shape::Input,
    ),
    text(
        "applicant-given-name",
        Text::GivenName,
        &["applicant.given_name"],
        Shape::Input,
    ),
    text(
        "applicant-patronymic",
        Text::Patronymic,
        &["applicant.patronymic"],
        Shape::Input,
    ),
    text(
        "applicant-phone",
        Text::Phone,
        &["applicant.phone"],
        Shape::Input,
    ),
    text(
        "applicant-email",
        Text::Email,
        &["applicant.email"],
        Shape::Input,
    ),
    text(
        "entity-bin",
        Text::Bin,
        &["on_behalf_of.bin", "on_behalf_of"],
        Shape::Input,
    ),
    text(
        "other-citizenship",
        Text::OtherCitizenship,
        &["on_behalf_of.citizenship"],
        Shape::Radios,
    ),
    text(
        "other-document",
        Text::OtherDocument,
        &["on_behalf_of.iin", "on_behalf_of.passport"],
        Shape::Input,
    ),
    text(
        "other-surname",
        Text::OtherSurname,
        &["on_behalf_of.surname"],
        Shape::Input,
    ),
    text(
        "other-given-name",
        Text::OtherGivenName,
        &["on_behalf_of.given_name"],
        Shape::Input,
    ),
    text(
        "other-patronymic",
        Text::OtherPatronymic,
        &["on_behalf_of.patronymic"],
        Shape::Input,
    ),
    text(
        "authority-kind",
        Text::AuthorityKind,
        &["on_behalf_of.authority.kind"],
        Shape::Input,
    ),
    text(
        "authority-number",
        Text::AuthorityNumber,
        &["on_behalf_of.authority.number"],
        Shape::Input,
    ),
    text(
        "authority-date",
        Text::AuthorityDate,
        &["on_behalf_of.authority.date"],
        Shape::Input,
    ),
    text(
        "matter-substance",
        Text::Substance,
        &["matter.substance"],
        Shape::Input,
    ),
    text("format", Text::Format, &["format"], Shape::Radios),
    Control {
        id: "format-consent",
        value: Value::Flag(Flag::VideoConsent),
        // When only a video conference can be had, the format's own error shows here.
        fields: &["format.consent", "format"],
        shape: Shape::Checkbox,
    },
    Control {
        id: "interpreter-needed",
        value: Value::Flag(Flag::InterpreterNeeded),
        fields: &[],
        shape: Shape::Checkbox,
    },
    text(
        "interpreter",
        Text::Interpreter,
        &["interpreter"],
        Shape::Input,
    ),
    Control {
        id: "out-of-town",
        value: Value::Flag(Flag::OutOfTown),
        fields: &[],
        shape: Shape::Checkbox,
    },
    text("language", Text::Language, &["language"], Shape::Radios),
];

pub fn control(id: &str) -> Option<&'static Control> {
    CONTROLS.iter().find(|c| c.id == id)
}

fn attr(out: &mut String, name: &str, value: Option<&str>) {
    if let Some(v) = value {
        let _ = write!(out, " {name}=\"{}\"", esc(v));
    }
}

fn field_error(id: &str, error: Option<&str>) -> String {
    error
        .map(|e| format!("<p class=\"field-error\" id=\"{id}-error\">{}</p>", esc(e)))
        .unwrap_or_default()
}

fn described(hint: Option<&str>, id: &str, error: bool) -> Option<String> {
    let ids: Vec<String> = hint
        .map(str::to_owned)
        .into_iter()
        .chain(error.then(|| format!("{id}-error")))
        .collect();
    (!ids.is_empty()).then(|| ids.join(" "))
}

/// A one-line input (or a text area) for a text value.
pub struct TextField<'a> {
    pub id: &'static str,
    pub label: B,
    pub hint: Option<B>,
    pub optional: bool,
    pub input_type: &'static str,
    pub autocomplete: Option<&'static str>,
    pub inputmode: Option<&'static str>,
    pub multiline: bool,
    pub max: Option<&'a str>,
}

impl TextField<'_> {
    pub const fn new(id: &'static str, label: B) -> TextField<'static> {
        TextField {
            id,
            label,
            hint: None,
            optional: false,
            input_type: "text",
            autocomplete: None,
            inputmode: None,
            multiline: false,
            max: None,
        }
    }

    pub fn html(&self, value: &str, error: Option<&str>, lang: Lang) -> String {
        let id = self.id;
        let hint_id = format!("{id}-hint");
        let hint_id = self.hint.map(|_| hint_id.as_str());
        let mut attrs = String::new();
        if error.is_some() {
            attrs.push_str(" aria-invalid=\"true\"");
        }
        attr(
            &mut attrs,
            "aria-describedby",
            described(hint_id, id, error.is_some()).as_deref(),
        );
        if !self.optional {
            attrs.push_str(" aria-required=\"true\"");
        }
        let control = if self.multiline {
            format!(
                "<textarea id=\"{id}\" name=\"{id}\" rows=\"6\"{attrs}>{}</textarea>",
                esc(value)
            )
        } else {
            let mut more = String::new();
            attr(&mut more, "autocomplete", self.autocomplete);
            attr(&mut more, "inputmode", self.inputmode);
            attr(&mut more, "max", self.max);
            format!(
                "<input id=\"{id}\" name=\"{id}\" type=\"{}\"{more} value=\"{}\"{attrs}>",
                self.input_type,
                esc(value)
            )
        };
        let optional = if self.optional {
            format!(
                " <span class=\"optional\">{}</span>",
                esc(B::Optional.text(lang))
            )
        } else {
            String::new()
        };
        let hint = self
            .hint
            .map(|h| {
                format!(
                    "<p class=\"hint\" id=\"{id}-hint\">{}</p>",
                    esc(h.text(lang))
                )
            })
            .unwrap_or_default();
        format!(
            "<div class=\"field{}\"><label for=\"{id}\">{}{optional}</label>{hint}{control}{}</div>",
            if error.is_some() { " has-error" } else { "" },
            esc(self.label.text(lang)),
            field_error(id, error),
        )
    }
}

/// One of a few values, as radio buttons in a fieldset; the radios are `{id}-0`, `{id}-1`…
pub fn radio_group(
    id: &str,
    legend: &str,
    options: &[(&str, &str)],
    current: &str,
    error: Option<&str>,
) -> String {
    let mut radios = String::new();
    for (i, (option, label)) in options.iter().enumerate() {
        let checked = if *option == current { " checked" } else { "" };
        let _ = write!(
            radios,
            "<div class=\"choice\"><input type=\"radio\" id=\"{id}-{i}\" name=\"{id}\" \
             value=\"{option}\"{checked}><label for=\"{id}-{i}\">{}</label></div>",
            esc(label)
        );
    }
    let mut attrs = String::new();
    attr(
        &mut attrs,
        "aria-describedby",
        described(None, id, error.is_some()).as_deref(),
    );
    format!(
        "<fieldset class=\"field choices\"{attrs}><legend>{}</legend>{radios}{}</fieldset>",
        esc(legend),
        field_error(id, error),
    )
}

/// A checkbox for a yes/no value.
pub fn checkbox(id: &str, label: &str, checked: bool, error: Option<&str>) -> String {
    let mut attrs = String::new();
    if checked {
        attrs.push_str(" checked");
    }
    if error.is_some() {
        attrs.push_str(" aria-invalid=\"true\"");
    }
    attr(
        &mut attrs,
        "aria-describedby",
        described(None, id, error.is_some()).as_deref(),
    );
    format!(
        "<div class=\"field checkbox{}\"><div class=\"choice\">\
         <input type=\"checkbox\" id=\"{id}\" name=\"{id}\"{attrs}>\
         <label for=\"{id}\">{}</label></div>{}</div>",
        if error.is_some() { " has-error" } else { "" },
        esc(label),
        field_error(id, error),
    )
}

/// A choice from a list (the kind of authority document).
pub fn select(
    id: &str,
    label: &str,
    options: &[(&str, &str)],
    current: &str,
    error: Option<&str>,
    lang: Lang,
) -> String {
    let mut opts = format!(
        "<option value=\"\"{}>{}</option>",
        if current.is_empty() { " selected" } else { "" },
        esc(B::Choose.text(lang))
    );
    for (option, text) in options {
        let _ = write!(
            opts,
            "<option value=\"{option}\"{}>{}</option>",
            if *option == current { " selected" } else { "" },
            esc(text)
        );
    }
    let mut attrs = String::new();
    if error.is_some() {
        attrs.push_str(" aria-invalid=\"true\"");
    }
    attr(
        &mut attrs,
        "aria-describedby",
        described(None, id, error.is_some()).as_deref(),
    );
    format!(
        "<div class=\"field{}\"><label for=\"{id}\">{}</label>\
         <select id=\"{id}\" name=\"{id}\"{attrs} aria-required=\"true\">{opts}</select>{}</div>",
        if error.is_some() { " has-error" } else { "" },
        esc(label),
        field_error(id, error),
    )
}

/// The list of what is wrong, shown on "Next": each item a link that moves the focus to its
/// field. `items` are `(control id, text)`. Short items (step 1's "Answer question 3") sit
/// side by side, each a tap target of its own.
pub fn error_summary(items: &[(String, String)], compact: bool, lang: Lang) -> String {
    if items.is_empty() {
        return String::new();
    }
    let mut list = String::new();
    for (id, text) in items {
        let _ = write!(list, "<li><a href=\"#{id}\">{}</a></li>", esc(text));
    }
    format!(
        "<div class=\"error-summary{}\" id=\"error-summary\" tabindex=\"-1\" role=\"alert\" \
         aria-labelledby=\"error-summary-title\"><h3 id=\"error-summary-title\">{}</h3>\
         <ul>{list}</ul></div>",
        if compact { " compact" } else { "" },
        esc(B::ErrorSummary.text(lang)),
    )
}

/// Writes a control's error line again (after an `input` or a `blur`), with its ARIA ties;
/// a control not on the page is left alone.
pub fn show_error(doc: &Document, c: &Control, error: Option<&str>) {
    let (control, block): (Option<Element>, Option<Element>) = match c.shape {
        Shape::Radios => {
            let first = doc.get_element_by_id(&format!("{}-0", c.id));
            let fieldset = first.and_then(|f| f.closest("fieldset").ok().flatten());
            (None, fieldset)
        }
        Shape::Input | Shape::Checkbox => {
            let control = doc.get_element_by_id(c.id);
            let block = control
                .as_ref()
                .and_then(|e| e.closest(".field").ok().flatten());
            (control, block)
        }
    };
    let Some(block) = block else {
        return;
    };
    let error_id = format!("{}-error", c.id);
    let old = doc.get_element_by_id(&error_id);
    let same = match (&old, error) {
        (Some(o), Some(e)) => o.text_content().as_deref() == Some(e),
        (None, None) => true,
        _ => false,
    };
    if same {
        return;
    }
    if let Some(old) = old {
        old.remove();
    }
    if let Some(e) = error {
        if let Ok(p) = doc.create_element("p") {
            p.set_class_name("field-error");
            p.set_id(&error_id);
            p.set_text_content(Some(e));
            let _ = block.append_child(&p);
        }
    }
    let hint_id = format!("{}-hint", c.id);
    let hint = doc.get_element_by_id(&hint_id).map(|_| hint_id.as_str());
    let described = described(hint, c.id, error.is_some());
    let target = control.as_ref().unwrap_or(&block);
    match described {
        Some(d) => {
            let _ = target.set_attribute("aria-describedby", &d);
        }
        None => {
            let _ = target.remove_attribute("aria-describedby");
        }
    }
    if let Some(control) = &control {
        if error.is_some() {
            let _ = control.set_attribute("aria-invalid", "true");
        } else {
            let _ = control.remove_attribute("aria-invalid");
        }
        let _ = block
            .class_list()
            .toggle_with_force("has-error", error.is_some());
    }
}

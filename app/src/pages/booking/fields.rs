//! The form's controls: each bound to one value of the draft, with its label, hint and
//! error tied to it for screen readers (`aria-invalid`, `aria-describedby`), and the error
//! summary whose links move the focus to the field.

use super::draft::Form;
use super::{focus_later, use_ctx};
use crate::i18n::booking::{authority_kind, field_error, B};
use crate::lang::use_lang;
use leptos::prelude::*;
use rules::values::AuthorityKind;
use rules::Lang;

/// The label of an option, from either catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    B(B),
    Authority(AuthorityKind),
}

impl Label {
    pub fn text(self, lang: Lang) -> &'static str {
        match self {
            Label::B(b) => b.text(lang),
            Label::Authority(k) => authority_kind(k, lang),
        }
    }
}

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
    pub fn get(self, f: &Form) -> &String {
        match self {
            Text::Kind => &f.kind,
            Text::Citizenship => &f.citizenship,
            Text::Document => &f.document,
            Text::Surname => &f.surname,
            Text::GivenName => &f.given_name,
            Text::Patronymic => &f.patronymic,
            Text::Phone => &f.phone,
            Text::Email => &f.email,
            Text::OtherCitizenship => &f.other_citizenship,
            Text::OtherDocument => &f.other_document,
            Text::OtherSurname => &f.other_surname,
            Text::OtherGivenName => &f.other_given_name,
            Text::OtherPatronymic => &f.other_patronymic,
            Text::Bin => &f.bin,
            Text::AuthorityKind => &f.authority_kind,
            Text::AuthorityNumber => &f.authority_number,
            Text::AuthorityDate => &f.authority_date,
            Text::Substance => &f.substance,
            Text::Format => &f.format,
            Text::Interpreter => &f.interpreter,
            Text::Language => &f.language,
        }
    }

    fn get_mut(self, f: &mut Form) -> &mut String {
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
    pub fn get(self, f: &Form) -> bool {
        match self {
            Flag::VideoConsent => f.video_consent,
            Flag::InterpreterNeeded => f.interpreter_needed,
            Flag::OutOfTown => f.out_of_town,
        }
    }

    fn set(self, f: &mut Form, value: bool) {
        match self {
            Flag::VideoConsent => f.video_consent = value,
            Flag::InterpreterNeeded => f.interpreter_needed = value,
            Flag::OutOfTown => f.out_of_town = value,
        }
    }
}

/// The error of a control, translated, and the ids its `aria-describedby` names.
fn error_memo(fields: &'static [&'static str]) -> Memo<Option<String>> {
    let ctx = use_ctx();
    let lang = use_lang();
    Memo::new(move |_| {
        ctx.error_for(fields)
            .map(|(f, c)| field_error(&f, &c, lang.get()))
    })
}

fn described_by(
    hint: Option<String>,
    error_id: String,
    error: Memo<Option<String>>,
) -> impl Fn() -> Option<String> + Send + Sync + 'static {
    move || {
        let ids: Vec<String> = hint
            .iter()
            .cloned()
            .chain(error.with(Option::is_some).then(|| error_id.clone()))
            .collect();
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

#[component]
fn FieldError(id: String, error: Memo<Option<String>>) -> impl IntoView {
    move || {
        error.get().map(|e| {
            view! {
                <p class="field-error" id=id.clone()>{e}</p>
            }
        })
    }
}

/// A one-line input (or a text area) for a text value.
#[component]
pub fn TextField(
    id: &'static str,
    /// The request's field paths this control answers for (the document: IIN or passport).
    fields: &'static [&'static str],
    value: Text,
    #[prop(into)] label: Signal<B>,
    #[prop(optional, into)] hint: Option<Signal<B>>,
    #[prop(optional)] optional: bool,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] inputmode: Option<&'static str>,
    #[prop(optional)] multiline: bool,
    #[prop(optional, into)] max: Option<String>,
) -> impl IntoView {
    let ctx = use_ctx();
    let lang = use_lang();
    let draft = ctx.draft;
    let error = error_memo(fields);
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let described = described_by(hint.map(|_| hint_id.clone()), error_id.clone(), error);
    let current = move || draft.with(|d| value.get(&d.form).clone());
    let input_ctx = ctx.clone();
    let on_input = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        draft.update(|d| *value.get_mut(&mut d.form) = v);
        input_ctx.edited(fields);
    };
    let blur_ctx = ctx.clone();
    let on_blur = move |_| blur_ctx.touch(fields);
    let invalid = move || error.with(Option::is_some).then_some("true");
    let control = if multiline {
        view! {
            <textarea
                id=id
                name=id
                rows="6"
                prop:value=current
                on:input=on_input
                on:blur=on_blur
                aria-invalid=invalid
                aria-describedby=described
                aria-required=(!optional).then_some("true")
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                id=id
                name=id
                type=input_type
                autocomplete=autocomplete
                inputmode=inputmode
                max=max
                prop:value=current
                on:input=on_input
                on:blur=on_blur
                aria-invalid=invalid
                aria-describedby=described
                aria-required=(!optional).then_some("true")
            />
        }
        .into_any()
    };
    view! {
        <div class="field" class:has-error=move || error.with(Option::is_some)>
            <label for=id>
                {move || label.get().text(lang.get())}
                {optional.then(|| view! {
                    " "<span class="optional">{move || B::Optional.text(lang.get())}</span>
                })}
            </label>
            {hint.map(|h| view! {
                <p class="hint" id=hint_id.clone()>{move || h.get().text(lang.get())}</p>
            })}
            {control}
            <FieldError id=error_id error />
        </div>
    }
}

/// One of a few values, as radio buttons in a fieldset.
#[component]
pub fn RadioGroup(
    /// The radios are `{id}-0`, `{id}-1`, ...
    id: &'static str,
    fields: &'static [&'static str],
    value: Text,
    #[prop(into)] legend: Signal<B>,
    options: Vec<(&'static str, Label)>,
) -> impl IntoView {
    let ctx = use_ctx();
    let lang = use_lang();
    let draft = ctx.draft;
    let error = error_memo(fields);
    let error_id = format!("{id}-error");
    let described = described_by(None, error_id.clone(), error);
    let radios = options
        .into_iter()
        .enumerate()
        .map(|(i, (option, label))| {
            let radio_id = format!("{id}-{i}");
            let ctx = ctx.clone();
            view! {
                <div class="choice">
                    <input
                        type="radio"
                        id=radio_id.clone()
                        name=id
                        value=option
                        prop:checked=move || draft.with(|d| value.get(&d.form) == option)
                        on:change=move |_| {
                            draft.update(|d| *value.get_mut(&mut d.form) = option.to_owned());
                            ctx.edited(fields);
                            ctx.touch(fields);
                        }
                    />
                    <label for=radio_id>{move || label.text(lang.get())}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset class="field choices" aria-describedby=described>
            <legend>{move || legend.get().text(lang.get())}</legend>
            {radios}
            <FieldError id=error_id error />
        </fieldset>
    }
}

/// A checkbox for a yes/no value; `fields` are the paths whose errors it shows (consent).
#[component]
pub fn Checkbox(
    id: &'static str,
    value: Flag,
    label: B,
    #[prop(optional)] fields: &'static [&'static str],
) -> impl IntoView {
    let ctx = use_ctx();
    let lang = use_lang();
    let draft = ctx.draft;
    let error = error_memo(fields);
    let error_id = format!("{id}-error");
    let described = described_by(None, error_id.clone(), error);
    view! {
        <div class="field checkbox" class:has-error=move || error.with(Option::is_some)>
            <div class="choice">
                <input
                    type="checkbox"
                    id=id
                    name=id
                    prop:checked=move || draft.with(|d| value.get(&d.form))
                    on:change=move |ev| {
                        let checked = event_target_checked(&ev);
                        draft.update(|d| value.set(&mut d.form, checked));
                        ctx.edited(fields);
                    }
                    aria-invalid=move || error.with(Option::is_some).then_some("true")
                    aria-describedby=described
                />
                <label for=id>{move || label.text(lang.get())}</label>
            </div>
            <FieldError id=error_id error />
        </div>
    }
}

/// A choice from a list (the kind of authority document).
#[component]
pub fn Select(
    id: &'static str,
    fields: &'static [&'static str],
    value: Text,
    label: B,
    options: Vec<(&'static str, Label)>,
) -> impl IntoView {
    let ctx = use_ctx();
    let lang = use_lang();
    let draft = ctx.draft;
    let error = error_memo(fields);
    let error_id = format!("{id}-error");
    let described = described_by(None, error_id.clone(), error);
    let blur_ctx = ctx.clone();
    let options = options
        .into_iter()
        .map(|(option, label)| {
            view! {
                <option
                    value=option
                    prop:selected=move || draft.with(|d| value.get(&d.form) == option)
                >
                    {move || label.text(lang.get())}
                </option>
            }
        })
        .collect_view();
    view! {
        <div class="field" class:has-error=move || error.with(Option::is_some)>
            <label for=id>{move || label.text(lang.get())}</label>
            <select
                id=id
                name=id
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    draft.update(|d| *value.get_mut(&mut d.form) = v);
                    ctx.edited(fields);
                    ctx.touch(fields);
                }
                on:blur=move |_| blur_ctx.touch(fields)
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=described
                aria-required="true"
            >
                <option value="" prop:selected=move || draft.with(|d| value.get(&d.form).is_empty())>
                    {move || B::Choose.text(lang.get())}
                </option>
                {options}
            </select>
            <FieldError id=error_id error />
        </div>
    }
}

/// The list of what is wrong, shown on "Next": each item a link that moves the focus to its
/// field. `items` are `(control id, text)`.
#[component]
pub fn ErrorSummary(
    #[prop(into)] items: Signal<Vec<(String, String)>>,
    /// Short items side by side, each a tap target of its own (step 1's "Answer question 3").
    #[prop(optional)]
    compact: bool,
) -> impl IntoView {
    let lang = use_lang();
    move || {
        let items = items.get();
        (!items.is_empty()).then(|| {
            view! {
                <div class="error-summary" class:compact=compact id="error-summary" tabindex="-1" role="alert"
                    aria-labelledby="error-summary-title">
                    <h3 id="error-summary-title">{B::ErrorSummary.text(lang.get())}</h3>
                    <ul>
                        {items
                            .into_iter()
                            .map(|(id, text)| {
                                let target = id.clone();
                                view! {
                                    <li>
                                        <a
                                            href=format!("#{id}")
                                            on:click=move |ev| {
                                                ev.prevent_default();
                                                focus_later(target.clone());
                                            }
                                        >
                                            {text}
                                        </a>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </div>
            }
        })
    }
}

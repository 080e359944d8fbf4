//! JSON schemas (OpenAPI 3.1, through `utoipa`) of the `rules` types that travel in the API,
//! for the document the `api` crate renders. Native only, behind the `openapi` feature: the
//! SPA never compiles it.
//!
//! Enumerations are listed through the types' own `Serialize`, so a schema cannot name a
//! value the type does not write; the shapes follow the `Serialize` impls next to each type,
//! and the `api` crate's tests validate serialised samples against these schemas.

use crate::booking::{
    ApplicantInput, BookingInput, BookingStatus, Document, MatterInput, OnBehalfInput,
};
use crate::calendar::{DayOff, DayOffKind, YearCalendar};
use crate::eligibility::{Answer, ReviewCode};
use crate::queue::{PriorityCategory, PriorityClaim};
use crate::ruleset::{AgreementWith, Alternative, Role};
use crate::schedule::{Capacity, Format, OfficialId, Place, PlaceKind, ScheduleRow};
use crate::values::{AuthorityInput, AuthorityKind, Citizenship, PersonName};
use crate::window::{AsNeededClause, RegistrationState, WindowClause};
use crate::{
    Access, Lang, LocalizedText, Office, OfficeId, OfficeLevel, OfficialKind, Specialisation,
};
use serde::Serialize;
use serde_json::Value;
use utoipa::openapi::schema::{
    AdditionalProperties, ArrayBuilder, KnownFormat, ObjectBuilder, OneOfBuilder, SchemaFormat,
    Type,
};
use utoipa::openapi::{RefOr, Schema};
use utoipa::{PartialSchema, ToSchema};

macro_rules! schema {
    ($ty:ty => $body:expr) => {
        impl PartialSchema for $ty {
            fn schema() -> RefOr<Schema> {
                $body
            }
        }
        impl ToSchema for $ty {}
    };
}

fn string() -> ObjectBuilder {
    ObjectBuilder::new().schema_type(Type::String)
}

fn object() -> ObjectBuilder {
    ObjectBuilder::new().schema_type(Type::Object)
}

fn date() -> RefOr<Schema> {
    string()
        .format(Some(SchemaFormat::KnownFormat(KnownFormat::Date)))
        .into()
}

fn date_time() -> RefOr<Schema> {
    string()
        .format(Some(SchemaFormat::KnownFormat(KnownFormat::DateTime)))
        .into()
}

fn null() -> RefOr<Schema> {
    ObjectBuilder::new().schema_type(Type::Null).into()
}

fn nullable(s: RefOr<Schema>) -> RefOr<Schema> {
    OneOfBuilder::new().item(null()).item(s).into()
}

fn array(items: RefOr<Schema>) -> RefOr<Schema> {
    ArrayBuilder::new().items(items).into()
}

/// The JSON each value serialises to.
fn values<T: Serialize>(all: &[T]) -> Vec<Value> {
    all.iter()
        .map(|v| serde_json::to_value(v).expect("a code serialises"))
        .collect()
}

fn one_of_values<T: Serialize>(all: &[T]) -> RefOr<Schema> {
    string().enum_values(Some(values(all))).into()
}

/// A string that is exactly `value`.
fn constant(value: &str) -> RefOr<Schema> {
    string().enum_values(Some([value])).into()
}

/// `{kk, ru, en}` with a schema for each.
fn in_three(each: fn() -> RefOr<Schema>) -> RefOr<Schema> {
    object()
        .property("kk", each())
        .property("ru", each())
        .property("en", each())
        .required("kk")
        .required("ru")
        .required("en")
        .into()
}

/// The slug rule of [`OfficeId::parse`].
fn slug() -> RefOr<Schema> {
    string()
        .pattern(Some("^[a-z0-9]+(-[a-z0-9]+)*$"))
        .min_length(Some(1))
        .max_length(Some(OfficeId::MAX_LEN))
        .into()
}

fn closed_object() -> ObjectBuilder {
    object().additional_properties(Some(AdditionalProperties::<Schema>::FreeForm(false)))
}

schema!(Lang => one_of_values(&Lang::ALL));
// A schedule row of the import format (README, "Importing schedules"): every column a
// string, empty meaning absent; unknown columns are refused.
schema!(ScheduleRow => ScheduleRow::COLUMNS
    .iter()
    .fold(closed_object(), |o, column| o.property(*column, string()))
    .into());
schema!(LocalizedText => in_three(|| string().into()));
schema!(OfficeId => slug());
schema!(OfficialId => slug());
schema!(OfficeLevel => one_of_values(&[OfficeLevel::General, OfficeLevel::Regional, OfficeLevel::District]));
schema!(Specialisation => one_of_values(&[
    Specialisation::Military,
    Specialisation::Transport,
    Specialisation::Environmental,
    Specialisation::Penitentiary,
    Specialisation::Other,
]));
schema!(OfficialKind => one_of_values(&OfficialKind::ALL));
schema!(Access => one_of_values(&[Access::PreRegistration, Access::WalkIn, Access::AsNeeded]));
schema!(PersonName => string().min_length(Some(1)).into());
schema!(Office => object()
    .property("id", OfficeId::schema())
    .property("level", OfficeLevel::schema())
    .property("parent_id", nullable(OfficeId::schema()))
    .property("region_id", nullable(OfficeId::schema()))
    .property("specialisation", nullable(Specialisation::schema()))
    .property("name", LocalizedText::schema())
    .property("address", nullable(LocalizedText::schema()))
    .property("phone", nullable(string().into()))
    .required("id")
    .required("level")
    .required("parent_id")
    .required("region_id")
    .required("specialisation")
    .required("name")
    .required("address")
    .required("phone")
    .into());

schema!(PlaceKind => one_of_values(&PlaceKind::ALL));
schema!(Format => one_of_values(&[Format::InPerson, Format::Video]));
schema!(Capacity => ObjectBuilder::new()
    .schema_type(Type::Integer)
    .minimum(Some(1))
    .maximum(Some(500))
    .into());
// `name`/`address` are `null` where the kind has none (see `Place`).
schema!(Place => object()
    .property("kind", PlaceKind::schema())
    .property("name", nullable(LocalizedText::schema()))
    .property("address", nullable(LocalizedText::schema()))
    .required("kind")
    .required("name")
    .required("address")
    .into());

/// `{"state":"closed","reason":…}` with the fields of that reason.
fn closed(reason: &[&str], clause: Option<RefOr<Schema>>) -> RefOr<Schema> {
    let mut o = object()
        .property("state", constant("closed"))
        .property("reason", string().enum_values(Some(reason.to_vec())))
        .required("state")
        .required("reason");
    if let Some(clause) = clause {
        o = o.property("clause", clause).required("clause");
    }
    o.into()
}

schema!(RegistrationState => OneOfBuilder::new()
    .item(object()
        .property("state", constant("open"))
        .property("closes_at", date_time())
        .required("state")
        .required("closes_at"))
    .item(closed(
        &["window_passed", "started"],
        Some(one_of_values(&[WindowClause::R16, WindowClause::R34])),
    ))
    .item(closed(
        &["no_public_registration"],
        Some(one_of_values(&[AsNeededClause::R14, AsNeededClause::R28])),
    ))
    .item(closed(&["not_a_working_day", "calendar_not_available"], None))
    .item(object().property("state", constant("walk_in")).required("state"))
    .into());

schema!(BookingStatus => one_of_values(&BookingStatus::ALL));
schema!(AuthorityKind => one_of_values(&AuthorityKind::ALL));
schema!(Document => OneOfBuilder::new()
    .item(object()
        .property("document", string().enum_values(Some(["identity_document", "passport"])))
        .required("document"))
    .item(object()
        .property("document", constant("authority"))
        .property("kind", AuthorityKind::schema())
        .required("document")
        .required("kind"))
    .into());

schema!(Alternative => object()
    .property("code", string().enum_values(Some(Alternative::ALL.map(Alternative::code))))
    .property("text", LocalizedText::schema())
    .required("code")
    .required("text")
    .into());
schema!(Role => one_of_values(&crate::wire::ROLES));
schema!(AgreementWith => one_of_values(&[AgreementWith::GpoUnits, AgreementWith::StructuralUnit]));
schema!(ReviewCode => one_of_values(&crate::wire::REVIEW_CODES));
schema!(Answer => one_of_values(&[Answer::Yes, Answer::No, Answer::Unknown]));
schema!(PriorityCategory => one_of_values(&PriorityCategory::ALL));
schema!(PriorityClaim => object()
    .property("category", PriorityCategory::schema())
    .property("verified", ObjectBuilder::new().schema_type(Type::Boolean))
    .required("category")
    .required("verified")
    .into());

schema!(DayOff => object()
    .property("date", date())
    .property("kind", one_of_values(&[
        DayOffKind::Holiday,
        DayOffKind::MovedHoliday { moved_from: time::Date::MIN },
        DayOffKind::Transfer { working_day: time::Date::MIN },
        DayOffKind::NonMovingDayOff,
    ].map(|k| serde_json::to_value(k).expect("serialises")["kind"].clone())))
    .property("moved_from", date())
    .property("working_day", date())
    .property("name", LocalizedText::schema())
    .property("estimated", ObjectBuilder::new().schema_type(Type::Boolean))
    .required("date")
    .required("kind")
    .required("name")
    .into());
schema!(YearCalendar => object()
    .property("year", ObjectBuilder::new().schema_type(Type::Integer))
    .property("days_off", array(DayOff::schema()))
    .property("working_weekend_days", array(date()))
    .required("year")
    .required("days_off")
    .required("working_weekend_days")
    .into());

// The request body of `POST /api/v1/bookings`: strings, each checked by `rules` (a wrong
// value is a `422` naming its field); unknown fields are refused.

fn optional_string() -> RefOr<Schema> {
    nullable(string().into())
}

schema!(AuthorityInput => closed_object()
    .property("kind", AuthorityKind::schema())
    .property("number", string())
    .property("date", date())
    .required("kind")
    .required("number")
    .required("date")
    .into());
schema!(Citizenship => one_of_values(&[
    Citizenship::Citizen,
    Citizenship::Foreigner,
    Citizenship::Stateless,
]));
schema!(ApplicantInput => closed_object()
    .property("kind", string().enum_values(Some(["individual", "representative"])))
    .property("citizenship", Citizenship::schema())
    .property("iin", optional_string())
    .property("passport", optional_string())
    .property("surname", string())
    .property("given_name", string())
    .property("patronymic", optional_string())
    .property("phone", string())
    .property("email", optional_string())
    .required("kind")
    .required("citizenship")
    .required("surname")
    .required("given_name")
    .required("phone")
    .into());
schema!(OnBehalfInput => closed_object()
    .property("bin", optional_string())
    .property("citizenship", nullable(Citizenship::schema()))
    .property("iin", optional_string())
    .property("passport", optional_string())
    .property("surname", optional_string())
    .property("given_name", optional_string())
    .property("patronymic", optional_string())
    .property("authority", AuthorityInput::schema())
    .required("authority")
    .into());
schema!(MatterInput => closed_object()
    .property("substance", string())
    .property("answers", object().additional_properties(Some(Answer::schema())))
    .required("substance")
    .into());
schema!(BookingInput => closed_object()
    .property("reception_id", string())
    .property("language", Lang::schema())
    .property("applicant", ApplicantInput::schema())
    .property("on_behalf_of", nullable(OnBehalfInput::schema()))
    .property("matter", MatterInput::schema())
    .property("format", Format::schema())
    .property("interpreter", optional_string())
    .property("out_of_town", ObjectBuilder::new().schema_type(Type::Boolean))
    .required("reception_id")
    .required("language")
    .required("applicant")
    .required("matter")
    .required("format")
    .into());

//! A deserializer wrapper that reads structs from objects only.
//!
//! Serde's derived `Deserialize` for a struct also accepts a JSON array, read
//! positionally (`["1.0"]` would be a [`Dataset`](crate::Dataset) with
//! `formatVersion` `"1.0"`). Documents never use that form, and accepting it
//! turns a wrong shape into a silently wrong record. [`Strict`] wraps another
//! deserializer and forwards everything to it, except that a request for a
//! struct becomes a request for a map, so an array is an "invalid type" error
//! at the array's own path and position.
//!
//! The wrapper is deep: every nested deserializer handed to a visitor (through
//! sequences, maps, enums, options and newtypes) is wrapped again, so structs
//! at any depth are covered, including those read by hand-written
//! `Deserialize` impls that go through `MapAccessDeserializer`.
//!
//! Struct variants of externally tagged enums are read through a visitor that
//! rejects sequences, since [`VariantAccess`] has no map form to ask for.
//!
//! Only values that come back through the inner deserializer are covered:
//! anything serde buffers first (untagged or internally tagged enums, flattened
//! fields) is read from that buffer without this wrapper. The model types
//! avoid those constructs for that reason (and for error paths).

use std::fmt;

use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, MapAccess, SeqAccess, VariantAccess, Visitor,
};

/// Wraps a deserializer so that structs are read from maps only.
pub(crate) struct Strict<D>(pub(crate) D);

/// Forwards `deserialize_*` methods that take only a visitor.
macro_rules! forward_plain {
    ($($method:ident)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
            self.0.$method(Wrap(visitor))
        }
    )*};
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Strict<D> {
    type Error = D::Error;

    forward_plain! {
        deserialize_any deserialize_bool
        deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64 deserialize_i128
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64 deserialize_u128
        deserialize_f32 deserialize_f64 deserialize_char
        deserialize_str deserialize_string deserialize_bytes deserialize_byte_buf
        deserialize_option deserialize_unit deserialize_seq deserialize_map
        deserialize_identifier deserialize_ignored_any
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.deserialize_unit_struct(name, Wrap(visitor))
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.deserialize_newtype_struct(name, Wrap(visitor))
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.deserialize_tuple(len, Wrap(visitor))
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.deserialize_tuple_struct(name, len, Wrap(visitor))
    }

    /// The one change: a struct is read as a map, never as a sequence.
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.deserialize_map(Wrap(visitor))
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.deserialize_enum(name, variants, Wrap(visitor))
    }

    fn is_human_readable(&self) -> bool {
        self.0.is_human_readable()
    }
}

/// A visitor whose nested deserializers and accessors are wrapped in turn.
struct Wrap<V>(V);

/// Forwards `visit_*` methods that take a plain value.
macro_rules! forward_visit {
    ($($method:ident: $ty:ty)*) => {$(
        fn $method<E: de::Error>(self, v: $ty) -> Result<Self::Value, E> {
            self.0.$method(v)
        }
    )*};
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Wrap<V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.expecting(f)
    }

    forward_visit! {
        visit_bool: bool
        visit_i8: i8 visit_i16: i16 visit_i32: i32 visit_i64: i64 visit_i128: i128
        visit_u8: u8 visit_u16: u16 visit_u32: u32 visit_u64: u64 visit_u128: u128
        visit_f32: f32 visit_f64: f64 visit_char: char
        visit_str: &str visit_borrowed_str: &'de str visit_string: String
        visit_bytes: &[u8] visit_borrowed_bytes: &'de [u8] visit_byte_buf: Vec<u8>
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        self.0.visit_none()
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        self.0.visit_unit()
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        self.0.visit_some(Strict(d))
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        self.0.visit_newtype_struct(Strict(d))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        self.0.visit_seq(Wrap(seq))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        self.0.visit_map(Wrap(map))
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<Self::Value, A::Error> {
        self.0.visit_enum(Wrap(data))
    }
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for Wrap<S> {
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        self.0.deserialize(Strict(d))
    }
}

impl<'de, A: SeqAccess<'de>> SeqAccess<'de> for Wrap<A> {
    type Error = A::Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Self::Error> {
        self.0.next_element_seed(Wrap(seed))
    }

    fn size_hint(&self) -> Option<usize> {
        self.0.size_hint()
    }
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Wrap<A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Self::Error> {
        self.0.next_key_seed(Wrap(seed))
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<T::Value, Self::Error> {
        self.0.next_value_seed(Wrap(seed))
    }

    fn next_entry_seed<K: DeserializeSeed<'de>, T: DeserializeSeed<'de>>(
        &mut self,
        kseed: K,
        vseed: T,
    ) -> Result<Option<(K::Value, T::Value)>, Self::Error> {
        self.0.next_entry_seed(Wrap(kseed), Wrap(vseed))
    }

    fn size_hint(&self) -> Option<usize> {
        self.0.size_hint()
    }
}

impl<'de, A: EnumAccess<'de>> EnumAccess<'de> for Wrap<A> {
    type Error = A::Error;
    type Variant = Wrap<A::Variant>;

    fn variant_seed<T: DeserializeSeed<'de>>(
        self,
        seed: T,
    ) -> Result<(T::Value, Self::Variant), Self::Error> {
        let (value, variant) = self.0.variant_seed(Wrap(seed))?;
        Ok((value, Wrap(variant)))
    }
}

impl<'de, A: VariantAccess<'de>> VariantAccess<'de> for Wrap<A> {
    type Error = A::Error;

    fn unit_variant(self) -> Result<(), Self::Error> {
        self.0.unit_variant()
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(
        self,
        seed: T,
    ) -> Result<T::Value, Self::Error> {
        self.0.newtype_variant_seed(Wrap(seed))
    }

    fn tuple_variant<V: Visitor<'de>>(
        self,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.tuple_variant(len, Wrap(visitor))
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.struct_variant(fields, NoSeq(visitor))
    }
}

/// A struct visitor that refuses the positional (sequence) form.
struct NoSeq<V>(V);

impl<'de, V: Visitor<'de>> Visitor<'de> for NoSeq<V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.expecting(f)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, _seq: A) -> Result<Self::Value, A::Error> {
        Err(de::Error::invalid_type(de::Unexpected::Seq, &self))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        self.0.visit_map(Wrap(map))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, PartialEq, Deserialize)]
    struct Inner {
        a: u8,
    }

    #[derive(Debug, PartialEq, Deserialize)]
    struct Outer {
        inner: Option<Inner>,
        list: Vec<Inner>,
        boxed: Box<Inner>,
    }

    #[derive(Debug, PartialEq, Deserialize)]
    #[serde(rename_all = "camelCase")]
    enum External {
        Unit,
        Tuple(u8, u8),
        Newtype(Inner),
        Struct { a: u8 },
    }

    fn strict<T: for<'de> Deserialize<'de>>(text: &str) -> Result<T, serde_json::Error> {
        let mut de = serde_json::Deserializer::from_str(text);
        let v = T::deserialize(Strict(&mut de))?;
        de.end()?;
        Ok(v)
    }

    #[test]
    fn plain_serde_accepts_positional_structs() {
        // What the wrapper is for.
        assert_eq!(
            serde_json::from_str::<Inner>("[1]").unwrap(),
            Inner { a: 1 }
        );
    }

    #[test]
    fn objects_still_read() {
        let o: Outer =
            strict(r#"{"inner": {"a": 1}, "list": [{"a": 2}], "boxed": {"a": 3}}"#).unwrap();
        assert_eq!(o.inner, Some(Inner { a: 1 }));
        assert_eq!(o.list, vec![Inner { a: 2 }]);
        assert_eq!(*o.boxed, Inner { a: 3 });
        let o: Outer = strict(r#"{"inner": null, "list": [], "boxed": {"a": 3}}"#).unwrap();
        assert_eq!(o.inner, None);
    }

    fn refused(err: serde_json::Error, text: &str) {
        assert!(
            err.to_string().starts_with("invalid type: sequence"),
            "{text}: {err}"
        );
    }

    #[test]
    fn arrays_are_refused_at_every_depth() {
        refused(strict::<Inner>("[1]").unwrap_err(), "[1]");
        for text in [
            r#"[null, [], {"a": 3}]"#,
            r#"{"inner": [1], "list": [], "boxed": {"a": 3}}"#,
            r#"{"inner": null, "list": [{"a": 1}, [2]], "boxed": {"a": 3}}"#,
            r#"{"inner": null, "list": [], "boxed": [3]}"#,
        ] {
            refused(strict::<Outer>(text).unwrap_err(), text);
        }
    }

    #[test]
    fn externally_tagged_variants() {
        assert_eq!(strict::<External>(r#""unit""#).unwrap(), External::Unit);
        assert_eq!(
            strict::<External>(r#"{"tuple": [1, 2]}"#).unwrap(),
            External::Tuple(1, 2)
        );
        assert_eq!(
            strict::<External>(r#"{"newtype": {"a": 1}}"#).unwrap(),
            External::Newtype(Inner { a: 1 })
        );
        assert_eq!(
            strict::<External>(r#"{"struct": {"a": 1}}"#).unwrap(),
            External::Struct { a: 1 }
        );
        for text in [r#"{"newtype": [1]}"#, r#"{"struct": [1]}"#] {
            refused(strict::<External>(text).unwrap_err(), text);
        }
    }

    #[test]
    fn borrowed_strings_pass_through() {
        #[derive(Deserialize)]
        struct Borrows<'a> {
            s: &'a str,
        }
        let mut de = serde_json::Deserializer::from_str(r#"{"s": "text"}"#);
        let b = Borrows::deserialize(Strict(&mut de)).unwrap();
        assert_eq!(b.s, "text");
    }
}

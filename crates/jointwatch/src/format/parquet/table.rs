//! One Parquet table being written: its columns, their Arrow builders, and
//! the writer that a full batch is handed to.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use arrow_array::builder::{
    ArrayBuilder, BinaryBuilder, BooleanBuilder, Date32Builder, Float64Builder, Int64Builder,
    ListBuilder, StringBuilder,
};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema};
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::metadata::KeyValue;
use parquet::file::properties::WriterProperties;

use super::{Error, ErrorKind};

/// The Arrow type of a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Type {
    /// UTF-8 text.
    Text,
    /// A 64-bit integer.
    Int,
    /// A 64-bit float.
    Float,
    /// A boolean.
    Bool,
    /// A calendar day (Arrow `Date32`, days since 1970-01-01).
    Day,
    /// A list of texts (never null; empty when there are none).
    TextList,
    /// Bytes (WKB geometry).
    Bytes,
}

impl Type {
    /// The type's name in `docs/parquet.md`.
    pub(super) fn doc_name(self) -> &'static str {
        match self {
            Type::Text => "string",
            Type::Int => "int64",
            Type::Float => "double",
            Type::Bool => "boolean",
            Type::Day => "date32",
            Type::TextList => "list<string>",
            Type::Bytes => "binary (WKB)",
        }
    }

    fn data_type(self) -> DataType {
        match self {
            Type::Text => DataType::Utf8,
            Type::Int => DataType::Int64,
            Type::Float => DataType::Float64,
            Type::Bool => DataType::Boolean,
            Type::Day => DataType::Date32,
            Type::TextList => DataType::List(Arc::new(Field::new("item", DataType::Utf8, true))),
            Type::Bytes => DataType::Binary,
        }
    }
}

/// A column: its name, type and whether it may hold nulls.
#[derive(Debug, Clone, Copy)]
pub(super) struct Column {
    pub name: &'static str,
    pub ty: Type,
    pub nullable: bool,
}

/// A non-null column.
pub(super) const fn req(name: &'static str, ty: Type) -> Column {
    Column {
        name,
        ty,
        nullable: false,
    }
}

/// A nullable column.
pub(super) const fn opt(name: &'static str, ty: Type) -> Column {
    Column {
        name,
        ty,
        nullable: true,
    }
}

/// One cell of a row, in the column's type.
pub(super) enum Cell<'a> {
    Text(Option<&'a str>),
    Int(Option<i64>),
    Float(Option<f64>),
    Bool(Option<bool>),
    Day(Option<i32>),
    TextList(Vec<&'a str>),
    Bytes(Option<&'a [u8]>),
}

enum Builder {
    Text(StringBuilder),
    Int(Int64Builder),
    Float(Float64Builder),
    Bool(BooleanBuilder),
    Day(Date32Builder),
    TextList(ListBuilder<StringBuilder>),
    Bytes(BinaryBuilder),
}

impl Builder {
    fn new(ty: Type) -> Builder {
        match ty {
            Type::Text => Builder::Text(StringBuilder::new()),
            Type::Int => Builder::Int(Int64Builder::new()),
            Type::Float => Builder::Float(Float64Builder::new()),
            Type::Bool => Builder::Bool(BooleanBuilder::new()),
            Type::Day => Builder::Day(Date32Builder::new()),
            Type::TextList => Builder::TextList(ListBuilder::new(StringBuilder::new())),
            Type::Bytes => Builder::Bytes(BinaryBuilder::new()),
        }
    }

    /// Appends a cell; `false` when its type is not the column's.
    fn append(&mut self, cell: &Cell<'_>) -> bool {
        match (self, cell) {
            (Builder::Text(b), Cell::Text(v)) => b.append_option(*v),
            (Builder::Int(b), Cell::Int(v)) => b.append_option(*v),
            (Builder::Float(b), Cell::Float(v)) => b.append_option(*v),
            (Builder::Bool(b), Cell::Bool(v)) => b.append_option(*v),
            (Builder::Day(b), Cell::Day(v)) => b.append_option(*v),
            (Builder::Bytes(b), Cell::Bytes(v)) => b.append_option(*v),
            (Builder::TextList(b), Cell::TextList(items)) => {
                for item in items {
                    b.values().append_value(item);
                }
                b.append(true);
            }
            _ => return false,
        }
        true
    }

    fn finish(&mut self) -> ArrayRef {
        match self {
            Builder::Text(b) => Arc::new(b.finish()),
            Builder::Int(b) => Arc::new(b.finish()),
            Builder::Float(b) => Arc::new(b.finish()),
            Builder::Bool(b) => Arc::new(b.finish()),
            Builder::Day(b) => Arc::new(b.finish()),
            Builder::TextList(b) => Arc::new(b.finish()),
            Builder::Bytes(b) => Arc::new(b.finish()),
        }
    }

    fn len(&self) -> usize {
        match self {
            Builder::Text(b) => b.len(),
            Builder::Int(b) => b.len(),
            Builder::Float(b) => b.len(),
            Builder::Bool(b) => b.len(),
            Builder::Day(b) => b.len(),
            Builder::TextList(b) => b.len(),
            Builder::Bytes(b) => b.len(),
        }
    }
}

/// A table being written to `DIR/NAME.parquet`, one record batch at a time.
pub(super) struct Table {
    name: &'static str,
    path: PathBuf,
    columns: &'static [Column],
    schema: Arc<Schema>,
    builders: Vec<Builder>,
    writer: ArrowWriter<File>,
    batch_rows: usize,
    rows: u64,
}

impl Table {
    pub(super) fn create(
        dir: &Path,
        name: &'static str,
        columns: &'static [Column],
        batch_rows: usize,
        row_group_rows: usize,
    ) -> Result<Table, Error> {
        let path = dir.join(format!("{name}.parquet"));
        let schema = Arc::new(Schema::new(
            columns
                .iter()
                .map(|c| Field::new(c.name, c.ty.data_type(), c.nullable))
                .collect::<Vec<_>>(),
        ));
        let file = File::create(&path).map_err(|e| Error::new(ErrorKind::Io, &path, e))?;
        let props = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .set_max_row_group_size(row_group_rows.max(1))
            .set_created_by(format!("jointwatch {}", env!("CARGO_PKG_VERSION")))
            .build();
        let writer = ArrowWriter::try_new(file, schema.clone(), Some(props))
            .map_err(|e| Error::new(ErrorKind::Parquet, &path, e))?;
        Ok(Table {
            name,
            path,
            columns,
            schema,
            builders: columns.iter().map(|c| Builder::new(c.ty)).collect(),
            writer,
            batch_rows: batch_rows.max(1),
            rows: 0,
        })
    }

    /// Appends one row; the batch is written once it is full.
    pub(super) fn push(&mut self, row: &[Cell<'_>]) -> Result<(), Error> {
        if row.len() != self.builders.len() {
            return Err(self.internal(format!(
                "a row of {} cells for {} columns",
                row.len(),
                self.builders.len()
            )));
        }
        for (i, (b, cell)) in self.builders.iter_mut().zip(row).enumerate() {
            if !b.append(cell) {
                let c = self.columns[i];
                return Err(self.internal(format!("column {} takes {}", c.name, c.ty.doc_name())));
            }
        }
        self.rows += 1;
        if self.builders[0].len() >= self.batch_rows {
            self.flush_batch()?;
        }
        Ok(())
    }

    fn internal(&self, what: String) -> Error {
        Error::new(
            ErrorKind::Internal,
            &self.path,
            format!("table {}: {what}", self.name),
        )
    }

    fn flush_batch(&mut self) -> Result<(), Error> {
        if self.builders[0].len() == 0 {
            return Ok(());
        }
        let arrays: Vec<ArrayRef> = self.builders.iter_mut().map(Builder::finish).collect();
        let batch = RecordBatch::try_new(self.schema.clone(), arrays)
            .map_err(|e| Error::new(ErrorKind::Internal, &self.path, e))?;
        self.writer
            .write(&batch)
            .map_err(|e| Error::new(ErrorKind::Parquet, &self.path, e))
    }

    /// Adds a key–value pair to the file's metadata (written on close).
    pub(super) fn metadata(&mut self, key: &str, value: String) {
        self.writer
            .append_key_value_metadata(KeyValue::new(key.to_string(), value));
    }

    /// Writes what is left and closes the file; returns the rows written.
    pub(super) fn close(mut self) -> Result<u64, Error> {
        self.flush_batch()?;
        let path = self.path.clone();
        self.writer
            .close()
            .map_err(|e| Error::new(ErrorKind::Parquet, &path, e))?;
        Ok(self.rows)
    }
}

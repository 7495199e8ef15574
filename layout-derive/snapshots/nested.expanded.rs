// The expansion of nested.rs (generated: TYPED_LAYOUT_BLESS=1 cargo test -p typed-layout-derive snapshots).
///A view of each field of [`Labeled`]; `K` says which (see `FieldKind`): `LabeledColumns`, `LabeledColumnsMut`, `LabeledPlanes`, `LabeledPlanesMut`.
struct LabeledFields<'a, __K: ::typed_layout::FieldKind> {
    ///The `label` field.
    label: __K::View<'a, u32>,
    ///The `point` field.
    point: __K::View<'a, Point>,
}
///Read-only columns (`Records::columns()`) of [`Labeled`], one per field.
type LabeledColumns<'a> = LabeledFields<'a, ::typed_layout::kind::Columns>;
///Mutable columns, all usable at once (`RecordsMut::columns_mut()`) of [`Labeled`], one per field.
type LabeledColumnsMut<'a> = LabeledFields<'a, ::typed_layout::kind::ColumnsMut>;
///Read-only planes (`ImageView::planes()`) of [`Labeled`], one per field.
type LabeledPlanes<'a> = LabeledFields<'a, ::typed_layout::kind::Planes>;
///Mutable planes, all usable at once (`ImageViewMut::planes_mut()`) of [`Labeled`], one per field.
type LabeledPlanesMut<'a> = LabeledFields<'a, ::typed_layout::kind::PlanesMut>;
impl ::typed_layout::__private::core::clone::Clone
for LabeledFields<'_, ::typed_layout::kind::Columns> {
    #[inline]
    fn clone(&self) -> Self {
        *self
    }
}
impl ::typed_layout::__private::core::marker::Copy
for LabeledFields<'_, ::typed_layout::kind::Columns> {}
impl ::typed_layout::__private::core::clone::Clone
for LabeledFields<'_, ::typed_layout::kind::Planes> {
    #[inline]
    fn clone(&self) -> Self {
        *self
    }
}
impl ::typed_layout::__private::core::marker::Copy
for LabeledFields<'_, ::typed_layout::kind::Planes> {}
const _: () = {
    const __PIXEL_LAYOUT_OFFSETS: [usize; 2usize] = [
        ::typed_layout::__private::core::mem::offset_of!(Labeled, label),
        ::typed_layout::__private::core::mem::offset_of!(Labeled, point),
    ];
    impl ::typed_layout::Fields for Labeled {
        type Of<'a, __K: ::typed_layout::FieldKind> = LabeledFields<'a, __K>;
        #[inline]
        fn fields<'a, __K: ::typed_layout::FieldKind>(
            mut source: __K::Source<'a, Self>,
        ) -> LabeledFields<'a, __K> {
            LabeledFields {
                label: __K::take::<
                    Self,
                    u32,
                >(&mut source, __PIXEL_LAYOUT_OFFSETS[0usize]),
                point: __K::take::<
                    Self,
                    Point,
                >(&mut source, __PIXEL_LAYOUT_OFFSETS[1usize]),
            }
        }
    }
    const __PIXEL_LAYOUT_TABLE: ::typed_layout::Layout = ::typed_layout::Layout {
        name: "Labeled",
        size: ::typed_layout::__private::core::mem::size_of::<Labeled>(),
        align: ::typed_layout::__private::core::mem::align_of::<Labeled>(),
        shape: ::typed_layout::Shape::Record {
            fields: &[
                ::typed_layout::Field {
                    name: "label",
                    offset: __PIXEL_LAYOUT_OFFSETS[0usize],
                    layout: &<u32 as ::typed_layout::PixelLayout>::LAYOUT,
                    padding: false,
                },
                ::typed_layout::Field {
                    name: "point",
                    offset: __PIXEL_LAYOUT_OFFSETS[1usize],
                    layout: &<Point as ::typed_layout::PixelLayout>::LAYOUT,
                    padding: false,
                },
            ],
            packed: false,
        },
    };
    const _: fn(Labeled) -> <Labeled as ::typed_layout::PixelLayout>::__Fields = |
        __value|
    {
        let Labeled { label: __field0, point: __field1 } = __value;
        ((__field0,), (__field1,))
    };
    const _: () = {
        let problem = ::typed_layout::__private::check_record(
            &__PIXEL_LAYOUT_TABLE,
            false,
            false,
        );
        if problem.at(0usize) {
            ::typed_layout::__private::core::panic!("{}", problem.as_str());
        }
        if problem.at(1usize) {
            ::typed_layout::__private::core::panic!("{}", problem.as_str());
        }
        if problem.found() {
            ::typed_layout::__private::core::panic!("{}", problem.as_str());
        }
    };
    unsafe impl ::typed_layout::PixelLayout for Labeled {
        type __Fields = ((u32,), (Point,));
        const LAYOUT: ::typed_layout::Layout = __PIXEL_LAYOUT_TABLE;
    }
    impl ::typed_layout::Channel<
        (
            ::typed_layout::Ch<'l'>,
            ::typed_layout::Ch<'a'>,
            ::typed_layout::Ch<'b'>,
            ::typed_layout::Ch<'e'>,
            ::typed_layout::Ch<'l'>,
        ),
    > for Labeled {
        type Value = u32;
        const OFFSET: usize = __PIXEL_LAYOUT_OFFSETS[0usize];
    }
    impl ::typed_layout::Channel<
        (
            ::typed_layout::Ch<'p'>,
            ::typed_layout::Ch<'o'>,
            ::typed_layout::Ch<'i'>,
            ::typed_layout::Ch<'n'>,
            ::typed_layout::Ch<'t'>,
        ),
    > for Labeled {
        type Value = Point;
        const OFFSET: usize = __PIXEL_LAYOUT_OFFSETS[1usize];
    }
    impl<__Source> ::typed_layout::ConvertFrom<__Source> for Labeled
    where
        __Source: ::typed_layout::PixelLayout
            + ::typed_layout::Channel<
                (
                    ::typed_layout::Ch<'l'>,
                    ::typed_layout::Ch<'a'>,
                    ::typed_layout::Ch<'b'>,
                    ::typed_layout::Ch<'e'>,
                    ::typed_layout::Ch<'l'>,
                ),
                Value = u32,
            >
            + ::typed_layout::Channel<
                (
                    ::typed_layout::Ch<'p'>,
                    ::typed_layout::Ch<'o'>,
                    ::typed_layout::Ch<'i'>,
                    ::typed_layout::Ch<'n'>,
                    ::typed_layout::Ch<'t'>,
                ),
                Value = Point,
            >,
    {}
    ::typed_layout::__private::impl_bytemuck!(Labeled);
};

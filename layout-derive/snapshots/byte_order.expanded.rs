// The expansion of byte_order.rs (generated: TYPED_LAYOUT_BLESS=1 cargo test -p typed-layout-derive snapshots).
///A view of each field of [`Header`]; `K` says which (see `FieldKind`): `HeaderColumns`, `HeaderColumnsMut`, `HeaderPlanes`, `HeaderPlanesMut`.
pub(crate) struct HeaderFields<'a, __K: ::typed_layout::FieldKind> {
    ///The `magic` field.
    magic: __K::View<'a, Be<u32>>,
    ///The `length` field.
    length: __K::View<'a, Le<u64>>,
    ///The `version` field.
    version: __K::View<'a, u8>,
}
///Read-only columns (`Records::columns()`) of [`Header`], one per field.
pub(crate) type HeaderColumns<'a> = HeaderFields<'a, ::typed_layout::kind::Columns>;
///Mutable columns, all usable at once (`RecordsMut::columns_mut()`) of [`Header`], one per field.
pub(crate) type HeaderColumnsMut<'a> = HeaderFields<
    'a,
    ::typed_layout::kind::ColumnsMut,
>;
///Read-only planes (`ImageView::planes()`) of [`Header`], one per field.
pub(crate) type HeaderPlanes<'a> = HeaderFields<'a, ::typed_layout::kind::Planes>;
///Mutable planes, all usable at once (`ImageViewMut::planes_mut()`) of [`Header`], one per field.
pub(crate) type HeaderPlanesMut<'a> = HeaderFields<'a, ::typed_layout::kind::PlanesMut>;
impl ::typed_layout::__private::core::clone::Clone
for HeaderFields<'_, ::typed_layout::kind::Columns> {
    #[inline]
    fn clone(&self) -> Self {
        *self
    }
}
impl ::typed_layout::__private::core::marker::Copy
for HeaderFields<'_, ::typed_layout::kind::Columns> {}
impl ::typed_layout::__private::core::clone::Clone
for HeaderFields<'_, ::typed_layout::kind::Planes> {
    #[inline]
    fn clone(&self) -> Self {
        *self
    }
}
impl ::typed_layout::__private::core::marker::Copy
for HeaderFields<'_, ::typed_layout::kind::Planes> {}
const _: () = {
    const __PIXEL_LAYOUT_OFFSETS: [usize; 3usize] = [
        ::typed_layout::__private::core::mem::offset_of!(Header, magic),
        ::typed_layout::__private::core::mem::offset_of!(Header, length),
        ::typed_layout::__private::core::mem::offset_of!(Header, version),
    ];
    impl ::typed_layout::Fields for Header {
        type Of<'a, __K: ::typed_layout::FieldKind> = HeaderFields<'a, __K>;
        #[inline]
        fn fields<'a, __K: ::typed_layout::FieldKind>(
            mut source: __K::Source<'a, Self>,
        ) -> HeaderFields<'a, __K> {
            HeaderFields {
                magic: __K::take::<
                    Self,
                    Be<u32>,
                >(&mut source, __PIXEL_LAYOUT_OFFSETS[0usize]),
                length: __K::take::<
                    Self,
                    Le<u64>,
                >(&mut source, __PIXEL_LAYOUT_OFFSETS[1usize]),
                version: __K::take::<
                    Self,
                    u8,
                >(&mut source, __PIXEL_LAYOUT_OFFSETS[2usize]),
            }
        }
    }
    const __PIXEL_LAYOUT_TABLE: ::typed_layout::Layout = ::typed_layout::Layout {
        name: "Header",
        size: ::typed_layout::__private::core::mem::size_of::<Header>(),
        align: ::typed_layout::__private::core::mem::align_of::<Header>(),
        shape: ::typed_layout::Shape::Record {
            fields: &[
                ::typed_layout::Field {
                    name: "magic",
                    offset: __PIXEL_LAYOUT_OFFSETS[0usize],
                    layout: &<Be<u32> as ::typed_layout::PixelLayout>::LAYOUT,
                    padding: false,
                },
                ::typed_layout::Field {
                    name: "length",
                    offset: __PIXEL_LAYOUT_OFFSETS[1usize],
                    layout: &<Le<u64> as ::typed_layout::PixelLayout>::LAYOUT,
                    padding: false,
                },
                ::typed_layout::Field {
                    name: "version",
                    offset: __PIXEL_LAYOUT_OFFSETS[2usize],
                    layout: &<u8 as ::typed_layout::PixelLayout>::LAYOUT,
                    padding: false,
                },
            ],
            packed: true,
        },
    };
    const _: fn(Header) -> <Header as ::typed_layout::PixelLayout>::__Fields = |__value| {
        let Header { magic: __field0, length: __field1, version: __field2 } = __value;
        ((__field0,), ((__field1,), (__field2,)))
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
        if problem.at(2usize) {
            ::typed_layout::__private::core::panic!("{}", problem.as_str());
        }
        if problem.found() {
            ::typed_layout::__private::core::panic!("{}", problem.as_str());
        }
    };
    unsafe impl ::typed_layout::PixelLayout for Header {
        type __Fields = ((Be<u32>,), ((Le<u64>,), (u8,)));
        const LAYOUT: ::typed_layout::Layout = __PIXEL_LAYOUT_TABLE;
    }
    impl ::typed_layout::Channel<
        (
            ::typed_layout::Ch<'m'>,
            ::typed_layout::Ch<'a'>,
            ::typed_layout::Ch<'g'>,
            ::typed_layout::Ch<'i'>,
            ::typed_layout::Ch<'c'>,
        ),
    > for Header {
        type Value = Be<u32>;
        const OFFSET: usize = __PIXEL_LAYOUT_OFFSETS[0usize];
    }
    impl ::typed_layout::Channel<
        (
            ::typed_layout::Ch<'l'>,
            ::typed_layout::Ch<'e'>,
            ::typed_layout::Ch<'n'>,
            ::typed_layout::Ch<'g'>,
            ::typed_layout::Ch<'t'>,
            ::typed_layout::Ch<'h'>,
        ),
    > for Header {
        type Value = Le<u64>;
        const OFFSET: usize = __PIXEL_LAYOUT_OFFSETS[1usize];
    }
    impl ::typed_layout::Channel<
        (
            ::typed_layout::Ch<'v'>,
            ::typed_layout::Ch<'e'>,
            ::typed_layout::Ch<'r'>,
            ::typed_layout::Ch<'s'>,
            ::typed_layout::Ch<'i'>,
            ::typed_layout::Ch<'o'>,
            ::typed_layout::Ch<'n'>,
        ),
    > for Header {
        type Value = u8;
        const OFFSET: usize = __PIXEL_LAYOUT_OFFSETS[2usize];
    }
    impl<__Source> ::typed_layout::ConvertFrom<__Source> for Header
    where
        __Source: ::typed_layout::PixelLayout
            + ::typed_layout::Channel<
                (
                    ::typed_layout::Ch<'m'>,
                    ::typed_layout::Ch<'a'>,
                    ::typed_layout::Ch<'g'>,
                    ::typed_layout::Ch<'i'>,
                    ::typed_layout::Ch<'c'>,
                ),
                Value = Be<u32>,
            >
            + ::typed_layout::Channel<
                (
                    ::typed_layout::Ch<'l'>,
                    ::typed_layout::Ch<'e'>,
                    ::typed_layout::Ch<'n'>,
                    ::typed_layout::Ch<'g'>,
                    ::typed_layout::Ch<'t'>,
                    ::typed_layout::Ch<'h'>,
                ),
                Value = Le<u64>,
            >
            + ::typed_layout::Channel<
                (
                    ::typed_layout::Ch<'v'>,
                    ::typed_layout::Ch<'e'>,
                    ::typed_layout::Ch<'r'>,
                    ::typed_layout::Ch<'s'>,
                    ::typed_layout::Ch<'i'>,
                    ::typed_layout::Ch<'o'>,
                    ::typed_layout::Ch<'n'>,
                ),
                Value = u8,
            >,
    {}
    ::typed_layout::__private::impl_bytemuck!(Header);
};

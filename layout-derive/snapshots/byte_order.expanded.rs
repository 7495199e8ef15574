// The expansion of byte_order.rs (generated: TYPED_LAYOUT_BLESS=1 cargo test -p typed-layout-derive snapshots).
///Read-only columns of [`Header`], one per field; from `Records::columns()`.
pub(crate) struct HeaderColumns<'a> {
    ///The `magic` field of every record.
    magic: ::typed_layout::Column<'a, Be<u32>>,
    ///The `length` field of every record.
    length: ::typed_layout::Column<'a, Le<u64>>,
    ///The `version` field of every record.
    version: ::typed_layout::Column<'a, u8>,
}
impl ::typed_layout::__private::core::clone::Clone for HeaderColumns<'_> {
    #[inline]
    fn clone(&self) -> Self {
        *self
    }
}
impl ::typed_layout::__private::core::marker::Copy for HeaderColumns<'_> {}
///Mutable columns of [`Header`], one per field, all usable at once (fields never share a byte); from `RecordsMut::columns_mut()`.
pub(crate) struct HeaderColumnsMut<'a> {
    ///The `magic` field of every record.
    magic: ::typed_layout::ColumnMut<'a, Be<u32>>,
    ///The `length` field of every record.
    length: ::typed_layout::ColumnMut<'a, Le<u64>>,
    ///The `version` field of every record.
    version: ::typed_layout::ColumnMut<'a, u8>,
}
impl ::typed_layout::Columnar for Header {
    type Columns<'a> = HeaderColumns<'a>;
    type ColumnsMut<'a> = HeaderColumnsMut<'a>;
    fn columns(source: ::typed_layout::Records<'_, Self>) -> HeaderColumns<'_> {
        HeaderColumns {
            magic: source
                .column_at::<
                    Be<u32>,
                >(::typed_layout::__private::core::mem::offset_of!(Header, magic))
                .expect("field `magic` lies inside `Header`"),
            length: source
                .column_at::<
                    Le<u64>,
                >(::typed_layout::__private::core::mem::offset_of!(Header, length))
                .expect("field `length` lies inside `Header`"),
            version: source
                .column_at::<
                    u8,
                >(::typed_layout::__private::core::mem::offset_of!(Header, version))
                .expect("field `version` lies inside `Header`"),
        }
    }
    fn columns_mut(
        source: ::typed_layout::RecordsMut<'_, Self>,
    ) -> HeaderColumnsMut<'_> {
        let mut split = source.into_column_split();
        HeaderColumnsMut {
            magic: split
                .take::<
                    Be<u32>,
                >(::typed_layout::__private::core::mem::offset_of!(Header, magic))
                .expect("fields of `Header` are in increasing offset order"),
            length: split
                .take::<
                    Le<u64>,
                >(::typed_layout::__private::core::mem::offset_of!(Header, length))
                .expect("fields of `Header` are in increasing offset order"),
            version: split
                .take::<
                    u8,
                >(::typed_layout::__private::core::mem::offset_of!(Header, version))
                .expect("fields of `Header` are in increasing offset order"),
        }
    }
}
///Read-only planes of [`Header`], one per field; from `ImageView::planes()`.
pub(crate) struct HeaderPlanes<'a> {
    ///The `magic` field of every pixel.
    magic: ::typed_layout::ImageView<'a, Be<u32>>,
    ///The `length` field of every pixel.
    length: ::typed_layout::ImageView<'a, Le<u64>>,
    ///The `version` field of every pixel.
    version: ::typed_layout::ImageView<'a, u8>,
}
impl ::typed_layout::__private::core::clone::Clone for HeaderPlanes<'_> {
    #[inline]
    fn clone(&self) -> Self {
        *self
    }
}
impl ::typed_layout::__private::core::marker::Copy for HeaderPlanes<'_> {}
///Mutable planes of [`Header`], one per field, all usable at once (fields never share a byte); from `ImageViewMut::planes_mut()`.
pub(crate) struct HeaderPlanesMut<'a> {
    ///The `magic` field of every pixel.
    magic: ::typed_layout::ImageViewMut<'a, Be<u32>>,
    ///The `length` field of every pixel.
    length: ::typed_layout::ImageViewMut<'a, Le<u64>>,
    ///The `version` field of every pixel.
    version: ::typed_layout::ImageViewMut<'a, u8>,
}
impl ::typed_layout::Planar for Header {
    type Planes<'a> = HeaderPlanes<'a>;
    type PlanesMut<'a> = HeaderPlanesMut<'a>;
    fn planes(source: ::typed_layout::ImageView<'_, Self>) -> HeaderPlanes<'_> {
        HeaderPlanes {
            magic: source
                .plane_at::<
                    Be<u32>,
                >(::typed_layout::__private::core::mem::offset_of!(Header, magic))
                .expect("field `magic` lies inside `Header`"),
            length: source
                .plane_at::<
                    Le<u64>,
                >(::typed_layout::__private::core::mem::offset_of!(Header, length))
                .expect("field `length` lies inside `Header`"),
            version: source
                .plane_at::<
                    u8,
                >(::typed_layout::__private::core::mem::offset_of!(Header, version))
                .expect("field `version` lies inside `Header`"),
        }
    }
    fn planes_mut(
        source: ::typed_layout::ImageViewMut<'_, Self>,
    ) -> HeaderPlanesMut<'_> {
        let mut split = source.into_plane_split();
        HeaderPlanesMut {
            magic: split
                .take::<
                    Be<u32>,
                >(::typed_layout::__private::core::mem::offset_of!(Header, magic))
                .expect("fields of `Header` are in increasing offset order"),
            length: split
                .take::<
                    Le<u64>,
                >(::typed_layout::__private::core::mem::offset_of!(Header, length))
                .expect("fields of `Header` are in increasing offset order"),
            version: split
                .take::<
                    u8,
                >(::typed_layout::__private::core::mem::offset_of!(Header, version))
                .expect("fields of `Header` are in increasing offset order"),
        }
    }
}
const _: () = {
    const __PIXEL_LAYOUT_TABLE: ::typed_layout::Layout = ::typed_layout::Layout {
        name: "Header",
        size: ::typed_layout::__private::core::mem::size_of::<Header>(),
        align: ::typed_layout::__private::core::mem::align_of::<Header>(),
        shape: ::typed_layout::Shape::Record {
            fields: &[
                ::typed_layout::Field {
                    name: "magic",
                    offset: ::typed_layout::__private::core::mem::offset_of!(
                        Header, magic
                    ),
                    layout: &<Be<u32> as ::typed_layout::PixelLayout>::LAYOUT,
                    padding: false,
                },
                ::typed_layout::Field {
                    name: "length",
                    offset: ::typed_layout::__private::core::mem::offset_of!(
                        Header, length
                    ),
                    layout: &<Le<u64> as ::typed_layout::PixelLayout>::LAYOUT,
                    padding: false,
                },
                ::typed_layout::Field {
                    name: "version",
                    offset: ::typed_layout::__private::core::mem::offset_of!(
                        Header, version
                    ),
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
        #[inline(always)]
        fn channel(&self) -> Be<u32> {
            self.magic
        }
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
        #[inline(always)]
        fn channel(&self) -> Le<u64> {
            self.length
        }
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
        #[inline(always)]
        fn channel(&self) -> u8 {
            self.version
        }
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
    {
        #[inline(always)]
        fn convert_from(source: &__Source) -> Self {
            Header {
                magic: ::typed_layout::Channel::<
                    (
                        ::typed_layout::Ch<'m'>,
                        ::typed_layout::Ch<'a'>,
                        ::typed_layout::Ch<'g'>,
                        ::typed_layout::Ch<'i'>,
                        ::typed_layout::Ch<'c'>,
                    ),
                >::channel(source),
                length: ::typed_layout::Channel::<
                    (
                        ::typed_layout::Ch<'l'>,
                        ::typed_layout::Ch<'e'>,
                        ::typed_layout::Ch<'n'>,
                        ::typed_layout::Ch<'g'>,
                        ::typed_layout::Ch<'t'>,
                        ::typed_layout::Ch<'h'>,
                    ),
                >::channel(source),
                version: ::typed_layout::Channel::<
                    (
                        ::typed_layout::Ch<'v'>,
                        ::typed_layout::Ch<'e'>,
                        ::typed_layout::Ch<'r'>,
                        ::typed_layout::Ch<'s'>,
                        ::typed_layout::Ch<'i'>,
                        ::typed_layout::Ch<'o'>,
                        ::typed_layout::Ch<'n'>,
                    ),
                >::channel(source),
            }
        }
    }
    ::typed_layout::__private::impl_bytemuck!(Header);
};

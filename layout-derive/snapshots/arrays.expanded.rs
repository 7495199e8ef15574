// The expansion of arrays.rs (generated: TYPED_LAYOUT_BLESS=1 cargo test -p typed-layout-derive snapshots).
///A view of each field of [`Frame`]; `K` says which (see `FieldKind`): `FrameColumns`, `FrameColumnsMut`, `FramePlanes`, `FramePlanesMut`.
pub struct FrameFields<'a, __K: ::typed_layout::FieldKind> {
    ///The `gains` field.
    pub gains: __K::View<'a, [f32; 4]>,
    ///The `pixels` field.
    pub pixels: __K::View<'a, [[Bgra8; 2]; 2]>,
    ///The `lut` field.
    pub lut: __K::View<'a, [[u8; 3]; 2]>,
    ///The `_reserved` field.
    pub _reserved: __K::View<'a, [u8; 2]>,
}
///Read-only columns (`Records::columns()`) of [`Frame`], one per field.
pub type FrameColumns<'a> = FrameFields<'a, ::typed_layout::kind::Columns>;
///Mutable columns, all usable at once (`RecordsMut::columns_mut()`) of [`Frame`], one per field.
pub type FrameColumnsMut<'a> = FrameFields<'a, ::typed_layout::kind::ColumnsMut>;
///Read-only planes (`ImageView::planes()`) of [`Frame`], one per field.
pub type FramePlanes<'a> = FrameFields<'a, ::typed_layout::kind::Planes>;
///Mutable planes, all usable at once (`ImageViewMut::planes_mut()`) of [`Frame`], one per field.
pub type FramePlanesMut<'a> = FrameFields<'a, ::typed_layout::kind::PlanesMut>;
impl ::typed_layout::__private::core::clone::Clone
for FrameFields<'_, ::typed_layout::kind::Columns> {
    #[inline]
    fn clone(&self) -> Self {
        *self
    }
}
impl ::typed_layout::__private::core::marker::Copy
for FrameFields<'_, ::typed_layout::kind::Columns> {}
impl ::typed_layout::__private::core::clone::Clone
for FrameFields<'_, ::typed_layout::kind::Planes> {
    #[inline]
    fn clone(&self) -> Self {
        *self
    }
}
impl ::typed_layout::__private::core::marker::Copy
for FrameFields<'_, ::typed_layout::kind::Planes> {}
const _: () = {
    const __PIXEL_LAYOUT_OFFSETS: [usize; 4usize] = [
        ::typed_layout::__private::core::mem::offset_of!(Frame, gains),
        ::typed_layout::__private::core::mem::offset_of!(Frame, pixels),
        ::typed_layout::__private::core::mem::offset_of!(Frame, lut),
        ::typed_layout::__private::core::mem::offset_of!(Frame, _reserved),
    ];
    impl ::typed_layout::Fields for Frame {
        type Of<'a, __K: ::typed_layout::FieldKind> = FrameFields<'a, __K>;
        #[inline]
        fn fields<'a, __K: ::typed_layout::FieldKind>(
            mut source: __K::Source<'a, Self>,
        ) -> FrameFields<'a, __K> {
            FrameFields {
                gains: __K::take::<
                    Self,
                    [f32; 4],
                >(&mut source, __PIXEL_LAYOUT_OFFSETS[0usize]),
                pixels: __K::take::<
                    Self,
                    [[Bgra8; 2]; 2],
                >(&mut source, __PIXEL_LAYOUT_OFFSETS[1usize]),
                lut: __K::take::<
                    Self,
                    [[u8; 3]; 2],
                >(&mut source, __PIXEL_LAYOUT_OFFSETS[2usize]),
                _reserved: __K::take::<
                    Self,
                    [u8; 2],
                >(&mut source, __PIXEL_LAYOUT_OFFSETS[3usize]),
            }
        }
    }
    const __PIXEL_LAYOUT_TABLE: ::typed_layout::Layout = ::typed_layout::Layout {
        name: "Frame",
        size: ::typed_layout::__private::core::mem::size_of::<Frame>(),
        align: ::typed_layout::__private::core::mem::align_of::<Frame>(),
        shape: ::typed_layout::Shape::Record {
            fields: &[
                ::typed_layout::Field {
                    name: "gains",
                    offset: __PIXEL_LAYOUT_OFFSETS[0usize],
                    layout: &<[f32; 4] as ::typed_layout::PixelLayout>::LAYOUT,
                    padding: false,
                },
                ::typed_layout::Field {
                    name: "pixels",
                    offset: __PIXEL_LAYOUT_OFFSETS[1usize],
                    layout: &<[[Bgra8; 2]; 2] as ::typed_layout::PixelLayout>::LAYOUT,
                    padding: false,
                },
                ::typed_layout::Field {
                    name: "lut",
                    offset: __PIXEL_LAYOUT_OFFSETS[2usize],
                    layout: &<[[u8; 3]; 2] as ::typed_layout::PixelLayout>::LAYOUT,
                    padding: false,
                },
                ::typed_layout::Field {
                    name: "_reserved",
                    offset: __PIXEL_LAYOUT_OFFSETS[3usize],
                    layout: &<[u8; 2] as ::typed_layout::PixelLayout>::LAYOUT,
                    padding: true,
                },
            ],
            packed: false,
        },
    };
    const _: fn(Frame) -> <Frame as ::typed_layout::PixelLayout>::__Fields = |__value| {
        let Frame {
            gains: __field0,
            pixels: __field1,
            lut: __field2,
            _reserved: __field3,
        } = __value;
        (((__field0,), (__field1,)), ((__field2,), (__field3,)))
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
        if problem.at(3usize) {
            ::typed_layout::__private::core::panic!("{}", problem.as_str());
        }
        if problem.found() {
            ::typed_layout::__private::core::panic!("{}", problem.as_str());
        }
    };
    unsafe impl ::typed_layout::PixelLayout for Frame {
        type __Fields = (
            (([f32; 4],), ([[Bgra8; 2]; 2],)),
            (([[u8; 3]; 2],), ([u8; 2],)),
        );
        const LAYOUT: ::typed_layout::Layout = __PIXEL_LAYOUT_TABLE;
    }
    impl ::typed_layout::Channel<
        (
            ::typed_layout::Ch<'g'>,
            ::typed_layout::Ch<'a'>,
            ::typed_layout::Ch<'i'>,
            ::typed_layout::Ch<'n'>,
            ::typed_layout::Ch<'s'>,
        ),
    > for Frame {
        type Value = [f32; 4];
        const OFFSET: usize = __PIXEL_LAYOUT_OFFSETS[0usize];
    }
    impl ::typed_layout::Channel<
        (
            ::typed_layout::Ch<'p'>,
            ::typed_layout::Ch<'i'>,
            ::typed_layout::Ch<'x'>,
            ::typed_layout::Ch<'e'>,
            ::typed_layout::Ch<'l'>,
            ::typed_layout::Ch<'s'>,
        ),
    > for Frame {
        type Value = [[Bgra8; 2]; 2];
        const OFFSET: usize = __PIXEL_LAYOUT_OFFSETS[1usize];
    }
    impl ::typed_layout::Channel<
        (::typed_layout::Ch<'l'>, ::typed_layout::Ch<'u'>, ::typed_layout::Ch<'t'>),
    > for Frame {
        type Value = [[u8; 3]; 2];
        const OFFSET: usize = __PIXEL_LAYOUT_OFFSETS[2usize];
    }
    impl ::typed_layout::Channel<
        (
            ::typed_layout::Ch<'_'>,
            ::typed_layout::Ch<'r'>,
            ::typed_layout::Ch<'e'>,
            ::typed_layout::Ch<'s'>,
            ::typed_layout::Ch<'e'>,
            ::typed_layout::Ch<'r'>,
            ::typed_layout::Ch<'v'>,
            ::typed_layout::Ch<'e'>,
            ::typed_layout::Ch<'d'>,
        ),
    > for Frame {
        type Value = [u8; 2];
        const OFFSET: usize = __PIXEL_LAYOUT_OFFSETS[3usize];
    }
    impl<__Source> ::typed_layout::ConvertFrom<__Source> for Frame
    where
        __Source: ::typed_layout::PixelLayout
            + ::typed_layout::Channel<
                (
                    ::typed_layout::Ch<'g'>,
                    ::typed_layout::Ch<'a'>,
                    ::typed_layout::Ch<'i'>,
                    ::typed_layout::Ch<'n'>,
                    ::typed_layout::Ch<'s'>,
                ),
                Value = [f32; 4],
            >
            + ::typed_layout::Channel<
                (
                    ::typed_layout::Ch<'p'>,
                    ::typed_layout::Ch<'i'>,
                    ::typed_layout::Ch<'x'>,
                    ::typed_layout::Ch<'e'>,
                    ::typed_layout::Ch<'l'>,
                    ::typed_layout::Ch<'s'>,
                ),
                Value = [[Bgra8; 2]; 2],
            >
            + ::typed_layout::Channel<
                (
                    ::typed_layout::Ch<'l'>,
                    ::typed_layout::Ch<'u'>,
                    ::typed_layout::Ch<'t'>,
                ),
                Value = [[u8; 3]; 2],
            >,
    {}
    ::typed_layout::__private::impl_bytemuck!(Frame);
};

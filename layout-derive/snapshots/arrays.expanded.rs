// The expansion of arrays.rs (generated: TYPED_LAYOUT_BLESS=1 cargo test -p typed-layout-derive snapshots).
///Read-only columns of [`Frame`], one per field; from `Records::columns()`.
pub struct FrameColumns<'a> {
    ///The `gains` field of every record.
    pub gains: ::typed_layout::Column<'a, [f32; 4]>,
    ///The `pixels` field of every record.
    pub pixels: ::typed_layout::Column<'a, [[Bgra8; 2]; 2]>,
    ///The `lut` field of every record.
    pub lut: ::typed_layout::Column<'a, [[u8; 3]; 2]>,
    ///The `_reserved` field of every record.
    pub _reserved: ::typed_layout::Column<'a, [u8; 2]>,
}
impl ::typed_layout::__private::core::clone::Clone for FrameColumns<'_> {
    #[inline]
    fn clone(&self) -> Self {
        *self
    }
}
impl ::typed_layout::__private::core::marker::Copy for FrameColumns<'_> {}
///Mutable columns of [`Frame`], one per field, all usable at once (fields never share a byte); from `RecordsMut::columns_mut()`.
pub struct FrameColumnsMut<'a> {
    ///The `gains` field of every record.
    pub gains: ::typed_layout::ColumnMut<'a, [f32; 4]>,
    ///The `pixels` field of every record.
    pub pixels: ::typed_layout::ColumnMut<'a, [[Bgra8; 2]; 2]>,
    ///The `lut` field of every record.
    pub lut: ::typed_layout::ColumnMut<'a, [[u8; 3]; 2]>,
    ///The `_reserved` field of every record.
    pub _reserved: ::typed_layout::ColumnMut<'a, [u8; 2]>,
}
impl ::typed_layout::Columnar for Frame {
    type Columns<'a> = FrameColumns<'a>;
    type ColumnsMut<'a> = FrameColumnsMut<'a>;
    fn columns(source: ::typed_layout::Records<'_, Self>) -> FrameColumns<'_> {
        FrameColumns {
            gains: source
                .column_at::<
                    [f32; 4],
                >(::typed_layout::__private::core::mem::offset_of!(Frame, gains))
                .expect("field `gains` lies inside `Frame`"),
            pixels: source
                .column_at::<
                    [[Bgra8; 2]; 2],
                >(::typed_layout::__private::core::mem::offset_of!(Frame, pixels))
                .expect("field `pixels` lies inside `Frame`"),
            lut: source
                .column_at::<
                    [[u8; 3]; 2],
                >(::typed_layout::__private::core::mem::offset_of!(Frame, lut))
                .expect("field `lut` lies inside `Frame`"),
            _reserved: source
                .column_at::<
                    [u8; 2],
                >(::typed_layout::__private::core::mem::offset_of!(Frame, _reserved))
                .expect("field `_reserved` lies inside `Frame`"),
        }
    }
    fn columns_mut(source: ::typed_layout::RecordsMut<'_, Self>) -> FrameColumnsMut<'_> {
        let mut split = source.into_column_split();
        FrameColumnsMut {
            gains: split
                .take::<
                    [f32; 4],
                >(::typed_layout::__private::core::mem::offset_of!(Frame, gains))
                .expect("fields of `Frame` are in increasing offset order"),
            pixels: split
                .take::<
                    [[Bgra8; 2]; 2],
                >(::typed_layout::__private::core::mem::offset_of!(Frame, pixels))
                .expect("fields of `Frame` are in increasing offset order"),
            lut: split
                .take::<
                    [[u8; 3]; 2],
                >(::typed_layout::__private::core::mem::offset_of!(Frame, lut))
                .expect("fields of `Frame` are in increasing offset order"),
            _reserved: split
                .take::<
                    [u8; 2],
                >(::typed_layout::__private::core::mem::offset_of!(Frame, _reserved))
                .expect("fields of `Frame` are in increasing offset order"),
        }
    }
}
///Read-only planes of [`Frame`], one per field; from `ImageView::planes()`.
pub struct FramePlanes<'a> {
    ///The `gains` field of every pixel.
    pub gains: ::typed_layout::ImageView<'a, [f32; 4]>,
    ///The `pixels` field of every pixel.
    pub pixels: ::typed_layout::ImageView<'a, [[Bgra8; 2]; 2]>,
    ///The `lut` field of every pixel.
    pub lut: ::typed_layout::ImageView<'a, [[u8; 3]; 2]>,
    ///The `_reserved` field of every pixel.
    pub _reserved: ::typed_layout::ImageView<'a, [u8; 2]>,
}
impl ::typed_layout::__private::core::clone::Clone for FramePlanes<'_> {
    #[inline]
    fn clone(&self) -> Self {
        *self
    }
}
impl ::typed_layout::__private::core::marker::Copy for FramePlanes<'_> {}
///Mutable planes of [`Frame`], one per field, all usable at once (fields never share a byte); from `ImageViewMut::planes_mut()`.
pub struct FramePlanesMut<'a> {
    ///The `gains` field of every pixel.
    pub gains: ::typed_layout::ImageViewMut<'a, [f32; 4]>,
    ///The `pixels` field of every pixel.
    pub pixels: ::typed_layout::ImageViewMut<'a, [[Bgra8; 2]; 2]>,
    ///The `lut` field of every pixel.
    pub lut: ::typed_layout::ImageViewMut<'a, [[u8; 3]; 2]>,
    ///The `_reserved` field of every pixel.
    pub _reserved: ::typed_layout::ImageViewMut<'a, [u8; 2]>,
}
impl ::typed_layout::Planar for Frame {
    type Planes<'a> = FramePlanes<'a>;
    type PlanesMut<'a> = FramePlanesMut<'a>;
    fn planes(source: ::typed_layout::ImageView<'_, Self>) -> FramePlanes<'_> {
        FramePlanes {
            gains: source
                .plane_at::<
                    [f32; 4],
                >(::typed_layout::__private::core::mem::offset_of!(Frame, gains))
                .expect("field `gains` lies inside `Frame`"),
            pixels: source
                .plane_at::<
                    [[Bgra8; 2]; 2],
                >(::typed_layout::__private::core::mem::offset_of!(Frame, pixels))
                .expect("field `pixels` lies inside `Frame`"),
            lut: source
                .plane_at::<
                    [[u8; 3]; 2],
                >(::typed_layout::__private::core::mem::offset_of!(Frame, lut))
                .expect("field `lut` lies inside `Frame`"),
            _reserved: source
                .plane_at::<
                    [u8; 2],
                >(::typed_layout::__private::core::mem::offset_of!(Frame, _reserved))
                .expect("field `_reserved` lies inside `Frame`"),
        }
    }
    fn planes_mut(source: ::typed_layout::ImageViewMut<'_, Self>) -> FramePlanesMut<'_> {
        let mut split = source.into_plane_split();
        FramePlanesMut {
            gains: split
                .take::<
                    [f32; 4],
                >(::typed_layout::__private::core::mem::offset_of!(Frame, gains))
                .expect("fields of `Frame` are in increasing offset order"),
            pixels: split
                .take::<
                    [[Bgra8; 2]; 2],
                >(::typed_layout::__private::core::mem::offset_of!(Frame, pixels))
                .expect("fields of `Frame` are in increasing offset order"),
            lut: split
                .take::<
                    [[u8; 3]; 2],
                >(::typed_layout::__private::core::mem::offset_of!(Frame, lut))
                .expect("fields of `Frame` are in increasing offset order"),
            _reserved: split
                .take::<
                    [u8; 2],
                >(::typed_layout::__private::core::mem::offset_of!(Frame, _reserved))
                .expect("fields of `Frame` are in increasing offset order"),
        }
    }
}
const _: () = {
    const __PIXEL_LAYOUT_TABLE: ::typed_layout::Layout = ::typed_layout::Layout {
        name: "Frame",
        size: ::typed_layout::__private::core::mem::size_of::<Frame>(),
        align: ::typed_layout::__private::core::mem::align_of::<Frame>(),
        shape: ::typed_layout::Shape::Record {
            fields: &[
                ::typed_layout::Field {
                    name: "gains",
                    offset: ::typed_layout::__private::core::mem::offset_of!(
                        Frame, gains
                    ),
                    layout: &<[f32; 4] as ::typed_layout::PixelLayout>::LAYOUT,
                    padding: false,
                },
                ::typed_layout::Field {
                    name: "pixels",
                    offset: ::typed_layout::__private::core::mem::offset_of!(
                        Frame, pixels
                    ),
                    layout: &<[[Bgra8; 2]; 2] as ::typed_layout::PixelLayout>::LAYOUT,
                    padding: false,
                },
                ::typed_layout::Field {
                    name: "lut",
                    offset: ::typed_layout::__private::core::mem::offset_of!(Frame, lut),
                    layout: &<[[u8; 3]; 2] as ::typed_layout::PixelLayout>::LAYOUT,
                    padding: false,
                },
                ::typed_layout::Field {
                    name: "_reserved",
                    offset: ::typed_layout::__private::core::mem::offset_of!(
                        Frame, _reserved
                    ),
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
        #[inline(always)]
        fn channel(&self) -> [f32; 4] {
            self.gains
        }
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
        #[inline(always)]
        fn channel(&self) -> [[Bgra8; 2]; 2] {
            self.pixels
        }
    }
    impl ::typed_layout::Channel<
        (::typed_layout::Ch<'l'>, ::typed_layout::Ch<'u'>, ::typed_layout::Ch<'t'>),
    > for Frame {
        type Value = [[u8; 3]; 2];
        #[inline(always)]
        fn channel(&self) -> [[u8; 3]; 2] {
            self.lut
        }
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
        #[inline(always)]
        fn channel(&self) -> [u8; 2] {
            self._reserved
        }
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
    {
        #[inline(always)]
        fn convert_from(source: &__Source) -> Self {
            Frame {
                gains: ::typed_layout::Channel::<
                    (
                        ::typed_layout::Ch<'g'>,
                        ::typed_layout::Ch<'a'>,
                        ::typed_layout::Ch<'i'>,
                        ::typed_layout::Ch<'n'>,
                        ::typed_layout::Ch<'s'>,
                    ),
                >::channel(source),
                pixels: ::typed_layout::Channel::<
                    (
                        ::typed_layout::Ch<'p'>,
                        ::typed_layout::Ch<'i'>,
                        ::typed_layout::Ch<'x'>,
                        ::typed_layout::Ch<'e'>,
                        ::typed_layout::Ch<'l'>,
                        ::typed_layout::Ch<'s'>,
                    ),
                >::channel(source),
                lut: ::typed_layout::Channel::<
                    (
                        ::typed_layout::Ch<'l'>,
                        ::typed_layout::Ch<'u'>,
                        ::typed_layout::Ch<'t'>,
                    ),
                >::channel(source),
                _reserved: ::typed_layout::zeroed(),
            }
        }
    }
    ::typed_layout::__private::impl_bytemuck!(Frame);
};

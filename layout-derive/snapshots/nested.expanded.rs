// The expansion of nested.rs (generated: TYPED_LAYOUT_BLESS=1 cargo test -p typed-layout-derive snapshots).
///Read-only columns of [`Labeled`], one per field; from `Records::columns()`.
struct LabeledColumns<'a> {
    ///The `label` field of every record.
    label: ::typed_layout::Column<'a, u32>,
    ///The `point` field of every record.
    point: ::typed_layout::Column<'a, Point>,
}
impl ::typed_layout::__private::core::clone::Clone for LabeledColumns<'_> {
    #[inline]
    fn clone(&self) -> Self {
        *self
    }
}
impl ::typed_layout::__private::core::marker::Copy for LabeledColumns<'_> {}
///Mutable columns of [`Labeled`], one per field, all usable at once (fields never share a byte); from `RecordsMut::columns_mut()`.
struct LabeledColumnsMut<'a> {
    ///The `label` field of every record.
    label: ::typed_layout::ColumnMut<'a, u32>,
    ///The `point` field of every record.
    point: ::typed_layout::ColumnMut<'a, Point>,
}
impl ::typed_layout::Columnar for Labeled {
    type Columns<'a> = LabeledColumns<'a>;
    type ColumnsMut<'a> = LabeledColumnsMut<'a>;
    fn columns(source: ::typed_layout::Records<'_, Self>) -> LabeledColumns<'_> {
        LabeledColumns {
            label: source
                .column_at::<
                    u32,
                >(::typed_layout::__private::core::mem::offset_of!(Labeled, label))
                .expect("field `label` lies inside `Labeled`"),
            point: source
                .column_at::<
                    Point,
                >(::typed_layout::__private::core::mem::offset_of!(Labeled, point))
                .expect("field `point` lies inside `Labeled`"),
        }
    }
    fn columns_mut(
        source: ::typed_layout::RecordsMut<'_, Self>,
    ) -> LabeledColumnsMut<'_> {
        let mut split = source.into_column_split();
        LabeledColumnsMut {
            label: split
                .take::<
                    u32,
                >(::typed_layout::__private::core::mem::offset_of!(Labeled, label))
                .expect("fields of `Labeled` are in increasing offset order"),
            point: split
                .take::<
                    Point,
                >(::typed_layout::__private::core::mem::offset_of!(Labeled, point))
                .expect("fields of `Labeled` are in increasing offset order"),
        }
    }
}
///Read-only planes of [`Labeled`], one per field; from `ImageView::planes()`.
struct LabeledPlanes<'a> {
    ///The `label` field of every pixel.
    label: ::typed_layout::ImageView<'a, u32>,
    ///The `point` field of every pixel.
    point: ::typed_layout::ImageView<'a, Point>,
}
impl ::typed_layout::__private::core::clone::Clone for LabeledPlanes<'_> {
    #[inline]
    fn clone(&self) -> Self {
        *self
    }
}
impl ::typed_layout::__private::core::marker::Copy for LabeledPlanes<'_> {}
///Mutable planes of [`Labeled`], one per field, all usable at once (fields never share a byte); from `ImageViewMut::planes_mut()`.
struct LabeledPlanesMut<'a> {
    ///The `label` field of every pixel.
    label: ::typed_layout::ImageViewMut<'a, u32>,
    ///The `point` field of every pixel.
    point: ::typed_layout::ImageViewMut<'a, Point>,
}
impl ::typed_layout::Planar for Labeled {
    type Planes<'a> = LabeledPlanes<'a>;
    type PlanesMut<'a> = LabeledPlanesMut<'a>;
    fn planes(source: ::typed_layout::ImageView<'_, Self>) -> LabeledPlanes<'_> {
        LabeledPlanes {
            label: source
                .plane_at::<
                    u32,
                >(::typed_layout::__private::core::mem::offset_of!(Labeled, label))
                .expect("field `label` lies inside `Labeled`"),
            point: source
                .plane_at::<
                    Point,
                >(::typed_layout::__private::core::mem::offset_of!(Labeled, point))
                .expect("field `point` lies inside `Labeled`"),
        }
    }
    fn planes_mut(
        source: ::typed_layout::ImageViewMut<'_, Self>,
    ) -> LabeledPlanesMut<'_> {
        let mut split = source.into_plane_split();
        LabeledPlanesMut {
            label: split
                .take::<
                    u32,
                >(::typed_layout::__private::core::mem::offset_of!(Labeled, label))
                .expect("fields of `Labeled` are in increasing offset order"),
            point: split
                .take::<
                    Point,
                >(::typed_layout::__private::core::mem::offset_of!(Labeled, point))
                .expect("fields of `Labeled` are in increasing offset order"),
        }
    }
}
const _: () = {
    const __PIXEL_LAYOUT_TABLE: ::typed_layout::Layout = ::typed_layout::Layout {
        name: "Labeled",
        size: ::typed_layout::__private::core::mem::size_of::<Labeled>(),
        align: ::typed_layout::__private::core::mem::align_of::<Labeled>(),
        shape: ::typed_layout::Shape::Record {
            fields: &[
                ::typed_layout::Field {
                    name: "label",
                    offset: ::typed_layout::__private::core::mem::offset_of!(
                        Labeled, label
                    ),
                    layout: &<u32 as ::typed_layout::PixelLayout>::LAYOUT,
                    padding: false,
                },
                ::typed_layout::Field {
                    name: "point",
                    offset: ::typed_layout::__private::core::mem::offset_of!(
                        Labeled, point
                    ),
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
        #[inline(always)]
        fn channel(&self) -> u32 {
            self.label
        }
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
        #[inline(always)]
        fn channel(&self) -> Point {
            self.point
        }
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
    {
        #[inline(always)]
        fn convert_from(source: &__Source) -> Self {
            Labeled {
                label: ::typed_layout::Channel::<
                    (
                        ::typed_layout::Ch<'l'>,
                        ::typed_layout::Ch<'a'>,
                        ::typed_layout::Ch<'b'>,
                        ::typed_layout::Ch<'e'>,
                        ::typed_layout::Ch<'l'>,
                    ),
                >::channel(source),
                point: ::typed_layout::Channel::<
                    (
                        ::typed_layout::Ch<'p'>,
                        ::typed_layout::Ch<'o'>,
                        ::typed_layout::Ch<'i'>,
                        ::typed_layout::Ch<'n'>,
                        ::typed_layout::Ch<'t'>,
                    ),
                >::channel(source),
            }
        }
    }
    ::typed_layout::__private::impl_bytemuck!(Labeled);
};

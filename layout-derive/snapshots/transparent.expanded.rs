// The expansion of transparent.rs (generated: TYPED_LAYOUT_BLESS=1 cargo test -p typed-layout-derive snapshots).
///Read-only columns of [`Meters`], one per field; from `Records::columns()`.
pub struct MetersColumns<'a> {
    ///The `_unit` field of every record.
    _unit: ::typed_layout::Column<'a, [u8; 0]>,
    ///The `type` field of every record.
    pub r#type: ::typed_layout::Column<'a, f64>,
}
impl ::typed_layout::__private::core::clone::Clone for MetersColumns<'_> {
    #[inline]
    fn clone(&self) -> Self {
        *self
    }
}
impl ::typed_layout::__private::core::marker::Copy for MetersColumns<'_> {}
///Mutable columns of [`Meters`], one per field, all usable at once (fields never share a byte); from `RecordsMut::columns_mut()`.
pub struct MetersColumnsMut<'a> {
    ///The `_unit` field of every record.
    _unit: ::typed_layout::ColumnMut<'a, [u8; 0]>,
    ///The `type` field of every record.
    pub r#type: ::typed_layout::ColumnMut<'a, f64>,
}
impl ::typed_layout::Columnar for Meters {
    type Columns<'a> = MetersColumns<'a>;
    type ColumnsMut<'a> = MetersColumnsMut<'a>;
    fn columns(source: ::typed_layout::Records<'_, Self>) -> MetersColumns<'_> {
        MetersColumns {
            _unit: source
                .column_at::<
                    [u8; 0],
                >(::typed_layout::__private::core::mem::offset_of!(Meters, _unit))
                .expect("field `_unit` lies inside `Meters`"),
            r#type: source
                .column_at::<
                    f64,
                >(::typed_layout::__private::core::mem::offset_of!(Meters, r#type))
                .expect("field `type` lies inside `Meters`"),
        }
    }
    fn columns_mut(
        source: ::typed_layout::RecordsMut<'_, Self>,
    ) -> MetersColumnsMut<'_> {
        let mut split = source.into_column_split();
        let mut __view0 = None;
        let mut __view1 = None;
        if __view0.is_none()
            && ::typed_layout::__private::core::mem::size_of::<[u8; 0]>() == 0
            && ::typed_layout::__private::core::mem::offset_of!(Meters, _unit) == 0
        {
            __view0 = Some(
                split
                    .take::<
                        [u8; 0],
                    >(::typed_layout::__private::core::mem::offset_of!(Meters, _unit))
                    .expect("fields of `Meters` are in increasing offset order"),
            );
        }
        if __view1.is_none()
            && ::typed_layout::__private::core::mem::size_of::<f64>() == 0
            && ::typed_layout::__private::core::mem::offset_of!(Meters, r#type) == 0
        {
            __view1 = Some(
                split
                    .take::<
                        f64,
                    >(::typed_layout::__private::core::mem::offset_of!(Meters, r#type))
                    .expect("fields of `Meters` are in increasing offset order"),
            );
        }
        if __view0.is_none()
            && ::typed_layout::__private::core::mem::size_of::<[u8; 0]>() != 0
        {
            __view0 = Some(
                split
                    .take::<
                        [u8; 0],
                    >(::typed_layout::__private::core::mem::offset_of!(Meters, _unit))
                    .expect("fields of `Meters` are in increasing offset order"),
            );
        }
        if __view1.is_none()
            && ::typed_layout::__private::core::mem::size_of::<f64>() != 0
        {
            __view1 = Some(
                split
                    .take::<
                        f64,
                    >(::typed_layout::__private::core::mem::offset_of!(Meters, r#type))
                    .expect("fields of `Meters` are in increasing offset order"),
            );
        }
        if __view0.is_none() && true {
            __view0 = Some(
                split
                    .take::<
                        [u8; 0],
                    >(::typed_layout::__private::core::mem::offset_of!(Meters, _unit))
                    .expect("fields of `Meters` are in increasing offset order"),
            );
        }
        if __view1.is_none() && true {
            __view1 = Some(
                split
                    .take::<
                        f64,
                    >(::typed_layout::__private::core::mem::offset_of!(Meters, r#type))
                    .expect("fields of `Meters` are in increasing offset order"),
            );
        }
        MetersColumnsMut {
            _unit: __view0.expect("fields of `Meters` are in increasing offset order"),
            r#type: __view1.expect("fields of `Meters` are in increasing offset order"),
        }
    }
}
///Read-only planes of [`Meters`], one per field; from `ImageView::planes()`.
pub struct MetersPlanes<'a> {
    ///The `_unit` field of every pixel.
    _unit: ::typed_layout::ImageView<'a, [u8; 0]>,
    ///The `type` field of every pixel.
    pub r#type: ::typed_layout::ImageView<'a, f64>,
}
impl ::typed_layout::__private::core::clone::Clone for MetersPlanes<'_> {
    #[inline]
    fn clone(&self) -> Self {
        *self
    }
}
impl ::typed_layout::__private::core::marker::Copy for MetersPlanes<'_> {}
///Mutable planes of [`Meters`], one per field, all usable at once (fields never share a byte); from `ImageViewMut::planes_mut()`.
pub struct MetersPlanesMut<'a> {
    ///The `_unit` field of every pixel.
    _unit: ::typed_layout::ImageViewMut<'a, [u8; 0]>,
    ///The `type` field of every pixel.
    pub r#type: ::typed_layout::ImageViewMut<'a, f64>,
}
impl ::typed_layout::Planar for Meters {
    type Planes<'a> = MetersPlanes<'a>;
    type PlanesMut<'a> = MetersPlanesMut<'a>;
    fn planes(source: ::typed_layout::ImageView<'_, Self>) -> MetersPlanes<'_> {
        MetersPlanes {
            _unit: source
                .plane_at::<
                    [u8; 0],
                >(::typed_layout::__private::core::mem::offset_of!(Meters, _unit))
                .expect("field `_unit` lies inside `Meters`"),
            r#type: source
                .plane_at::<
                    f64,
                >(::typed_layout::__private::core::mem::offset_of!(Meters, r#type))
                .expect("field `type` lies inside `Meters`"),
        }
    }
    fn planes_mut(
        source: ::typed_layout::ImageViewMut<'_, Self>,
    ) -> MetersPlanesMut<'_> {
        let mut split = source.into_plane_split();
        let mut __view0 = None;
        let mut __view1 = None;
        if __view0.is_none()
            && ::typed_layout::__private::core::mem::size_of::<[u8; 0]>() == 0
            && ::typed_layout::__private::core::mem::offset_of!(Meters, _unit) == 0
        {
            __view0 = Some(
                split
                    .take::<
                        [u8; 0],
                    >(::typed_layout::__private::core::mem::offset_of!(Meters, _unit))
                    .expect("fields of `Meters` are in increasing offset order"),
            );
        }
        if __view1.is_none()
            && ::typed_layout::__private::core::mem::size_of::<f64>() == 0
            && ::typed_layout::__private::core::mem::offset_of!(Meters, r#type) == 0
        {
            __view1 = Some(
                split
                    .take::<
                        f64,
                    >(::typed_layout::__private::core::mem::offset_of!(Meters, r#type))
                    .expect("fields of `Meters` are in increasing offset order"),
            );
        }
        if __view0.is_none()
            && ::typed_layout::__private::core::mem::size_of::<[u8; 0]>() != 0
        {
            __view0 = Some(
                split
                    .take::<
                        [u8; 0],
                    >(::typed_layout::__private::core::mem::offset_of!(Meters, _unit))
                    .expect("fields of `Meters` are in increasing offset order"),
            );
        }
        if __view1.is_none()
            && ::typed_layout::__private::core::mem::size_of::<f64>() != 0
        {
            __view1 = Some(
                split
                    .take::<
                        f64,
                    >(::typed_layout::__private::core::mem::offset_of!(Meters, r#type))
                    .expect("fields of `Meters` are in increasing offset order"),
            );
        }
        if __view0.is_none() && true {
            __view0 = Some(
                split
                    .take::<
                        [u8; 0],
                    >(::typed_layout::__private::core::mem::offset_of!(Meters, _unit))
                    .expect("fields of `Meters` are in increasing offset order"),
            );
        }
        if __view1.is_none() && true {
            __view1 = Some(
                split
                    .take::<
                        f64,
                    >(::typed_layout::__private::core::mem::offset_of!(Meters, r#type))
                    .expect("fields of `Meters` are in increasing offset order"),
            );
        }
        MetersPlanesMut {
            _unit: __view0.expect("fields of `Meters` are in increasing offset order"),
            r#type: __view1.expect("fields of `Meters` are in increasing offset order"),
        }
    }
}
const _: () = {
    const __PIXEL_LAYOUT_TABLE: ::typed_layout::Layout = ::typed_layout::Layout {
        name: "Meters",
        size: ::typed_layout::__private::core::mem::size_of::<Meters>(),
        align: ::typed_layout::__private::core::mem::align_of::<Meters>(),
        shape: ::typed_layout::Shape::Record {
            fields: &[
                ::typed_layout::Field {
                    name: "_unit",
                    offset: ::typed_layout::__private::core::mem::offset_of!(
                        Meters, _unit
                    ),
                    layout: &<[u8; 0] as ::typed_layout::PixelLayout>::LAYOUT,
                    padding: true,
                },
                ::typed_layout::Field {
                    name: "type",
                    offset: ::typed_layout::__private::core::mem::offset_of!(
                        Meters, r#type
                    ),
                    layout: &<f64 as ::typed_layout::PixelLayout>::LAYOUT,
                    padding: false,
                },
            ],
            packed: false,
        },
    };
    const _: fn(Meters) -> <Meters as ::typed_layout::PixelLayout>::__Fields = |__value| {
        let Meters { _unit: __field0, r#type: __field1 } = __value;
        ((__field0,), (__field1,))
    };
    const _: () = {
        let problem = ::typed_layout::__private::check_record(
            &__PIXEL_LAYOUT_TABLE,
            false,
            true,
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
    unsafe impl ::typed_layout::PixelLayout for Meters {
        type __Fields = (([u8; 0],), (f64,));
        const LAYOUT: ::typed_layout::Layout = __PIXEL_LAYOUT_TABLE;
    }
    impl ::typed_layout::Channel<
        (
            ::typed_layout::Ch<'_'>,
            ::typed_layout::Ch<'u'>,
            ::typed_layout::Ch<'n'>,
            ::typed_layout::Ch<'i'>,
            ::typed_layout::Ch<'t'>,
        ),
    > for Meters {
        type Value = [u8; 0];
        #[inline(always)]
        fn channel(&self) -> [u8; 0] {
            self._unit
        }
    }
    impl ::typed_layout::Channel<
        (
            ::typed_layout::Ch<'t'>,
            ::typed_layout::Ch<'y'>,
            ::typed_layout::Ch<'p'>,
            ::typed_layout::Ch<'e'>,
        ),
    > for Meters {
        type Value = f64;
        #[inline(always)]
        fn channel(&self) -> f64 {
            self.r#type
        }
    }
    impl<__Source> ::typed_layout::ConvertFrom<__Source> for Meters
    where
        __Source: ::typed_layout::PixelLayout
            + ::typed_layout::Channel<
                (
                    ::typed_layout::Ch<'t'>,
                    ::typed_layout::Ch<'y'>,
                    ::typed_layout::Ch<'p'>,
                    ::typed_layout::Ch<'e'>,
                ),
                Value = f64,
            >,
    {
        #[inline(always)]
        fn convert_from(source: &__Source) -> Self {
            Meters {
                _unit: ::typed_layout::zeroed(),
                r#type: ::typed_layout::Channel::<
                    (
                        ::typed_layout::Ch<'t'>,
                        ::typed_layout::Ch<'y'>,
                        ::typed_layout::Ch<'p'>,
                        ::typed_layout::Ch<'e'>,
                    ),
                >::channel(source),
            }
        }
    }
    ::typed_layout::__private::impl_bytemuck!(Meters);
};

// The expansion of aligned_pad.rs (generated: TYPED_LAYOUT_BLESS=1 cargo test -p typed-layout-derive snapshots).
///Read-only columns of [`Employee`], one per field; from `Records::columns()`.
pub struct EmployeeColumns<'a> {
    ///The `name` field of every record.
    pub name: ::typed_layout::Column<'a, [u8; 32]>,
    ///The `age` field of every record.
    pub age: ::typed_layout::Column<'a, i32>,
    ///The `_pad` field of every record.
    _pad: ::typed_layout::Column<'a, [u8; 4]>,
    ///The `salary` field of every record.
    pub salary: ::typed_layout::Column<'a, f64>,
}
impl ::typed_layout::__private::core::clone::Clone for EmployeeColumns<'_> {
    #[inline]
    fn clone(&self) -> Self {
        *self
    }
}
impl ::typed_layout::__private::core::marker::Copy for EmployeeColumns<'_> {}
///Mutable columns of [`Employee`], one per field, all usable at once (fields never share a byte); from `RecordsMut::columns_mut()`.
pub struct EmployeeColumnsMut<'a> {
    ///The `name` field of every record.
    pub name: ::typed_layout::ColumnMut<'a, [u8; 32]>,
    ///The `age` field of every record.
    pub age: ::typed_layout::ColumnMut<'a, i32>,
    ///The `_pad` field of every record.
    _pad: ::typed_layout::ColumnMut<'a, [u8; 4]>,
    ///The `salary` field of every record.
    pub salary: ::typed_layout::ColumnMut<'a, f64>,
}
impl ::typed_layout::Columnar for Employee {
    type Columns<'a> = EmployeeColumns<'a>;
    type ColumnsMut<'a> = EmployeeColumnsMut<'a>;
    fn columns(source: ::typed_layout::Records<'_, Self>) -> EmployeeColumns<'_> {
        EmployeeColumns {
            name: source
                .column_at::<
                    [u8; 32],
                >(::typed_layout::__private::core::mem::offset_of!(Employee, name))
                .expect("field `name` lies inside `Employee`"),
            age: source
                .column_at::<
                    i32,
                >(::typed_layout::__private::core::mem::offset_of!(Employee, age))
                .expect("field `age` lies inside `Employee`"),
            _pad: source
                .column_at::<
                    [u8; 4],
                >(::typed_layout::__private::core::mem::offset_of!(Employee, _pad))
                .expect("field `_pad` lies inside `Employee`"),
            salary: source
                .column_at::<
                    f64,
                >(::typed_layout::__private::core::mem::offset_of!(Employee, salary))
                .expect("field `salary` lies inside `Employee`"),
        }
    }
    fn columns_mut(
        source: ::typed_layout::RecordsMut<'_, Self>,
    ) -> EmployeeColumnsMut<'_> {
        let mut split = source.into_column_split();
        EmployeeColumnsMut {
            name: split
                .take::<
                    [u8; 32],
                >(::typed_layout::__private::core::mem::offset_of!(Employee, name))
                .expect("fields of `Employee` are in increasing offset order"),
            age: split
                .take::<
                    i32,
                >(::typed_layout::__private::core::mem::offset_of!(Employee, age))
                .expect("fields of `Employee` are in increasing offset order"),
            _pad: split
                .take::<
                    [u8; 4],
                >(::typed_layout::__private::core::mem::offset_of!(Employee, _pad))
                .expect("fields of `Employee` are in increasing offset order"),
            salary: split
                .take::<
                    f64,
                >(::typed_layout::__private::core::mem::offset_of!(Employee, salary))
                .expect("fields of `Employee` are in increasing offset order"),
        }
    }
}
///Read-only planes of [`Employee`], one per field; from `ImageView::planes()`.
pub struct EmployeePlanes<'a> {
    ///The `name` field of every pixel.
    pub name: ::typed_layout::ImageView<'a, [u8; 32]>,
    ///The `age` field of every pixel.
    pub age: ::typed_layout::ImageView<'a, i32>,
    ///The `_pad` field of every pixel.
    _pad: ::typed_layout::ImageView<'a, [u8; 4]>,
    ///The `salary` field of every pixel.
    pub salary: ::typed_layout::ImageView<'a, f64>,
}
impl ::typed_layout::__private::core::clone::Clone for EmployeePlanes<'_> {
    #[inline]
    fn clone(&self) -> Self {
        *self
    }
}
impl ::typed_layout::__private::core::marker::Copy for EmployeePlanes<'_> {}
///Mutable planes of [`Employee`], one per field, all usable at once (fields never share a byte); from `ImageViewMut::planes_mut()`.
pub struct EmployeePlanesMut<'a> {
    ///The `name` field of every pixel.
    pub name: ::typed_layout::ImageViewMut<'a, [u8; 32]>,
    ///The `age` field of every pixel.
    pub age: ::typed_layout::ImageViewMut<'a, i32>,
    ///The `_pad` field of every pixel.
    _pad: ::typed_layout::ImageViewMut<'a, [u8; 4]>,
    ///The `salary` field of every pixel.
    pub salary: ::typed_layout::ImageViewMut<'a, f64>,
}
impl ::typed_layout::Planar for Employee {
    type Planes<'a> = EmployeePlanes<'a>;
    type PlanesMut<'a> = EmployeePlanesMut<'a>;
    fn planes(source: ::typed_layout::ImageView<'_, Self>) -> EmployeePlanes<'_> {
        EmployeePlanes {
            name: source
                .plane_at::<
                    [u8; 32],
                >(::typed_layout::__private::core::mem::offset_of!(Employee, name))
                .expect("field `name` lies inside `Employee`"),
            age: source
                .plane_at::<
                    i32,
                >(::typed_layout::__private::core::mem::offset_of!(Employee, age))
                .expect("field `age` lies inside `Employee`"),
            _pad: source
                .plane_at::<
                    [u8; 4],
                >(::typed_layout::__private::core::mem::offset_of!(Employee, _pad))
                .expect("field `_pad` lies inside `Employee`"),
            salary: source
                .plane_at::<
                    f64,
                >(::typed_layout::__private::core::mem::offset_of!(Employee, salary))
                .expect("field `salary` lies inside `Employee`"),
        }
    }
    fn planes_mut(
        source: ::typed_layout::ImageViewMut<'_, Self>,
    ) -> EmployeePlanesMut<'_> {
        let mut split = source.into_plane_split();
        EmployeePlanesMut {
            name: split
                .take::<
                    [u8; 32],
                >(::typed_layout::__private::core::mem::offset_of!(Employee, name))
                .expect("fields of `Employee` are in increasing offset order"),
            age: split
                .take::<
                    i32,
                >(::typed_layout::__private::core::mem::offset_of!(Employee, age))
                .expect("fields of `Employee` are in increasing offset order"),
            _pad: split
                .take::<
                    [u8; 4],
                >(::typed_layout::__private::core::mem::offset_of!(Employee, _pad))
                .expect("fields of `Employee` are in increasing offset order"),
            salary: split
                .take::<
                    f64,
                >(::typed_layout::__private::core::mem::offset_of!(Employee, salary))
                .expect("fields of `Employee` are in increasing offset order"),
        }
    }
}
const _: () = {
    const __PIXEL_LAYOUT_TABLE: ::typed_layout::Layout = ::typed_layout::Layout {
        name: "Employee",
        size: ::typed_layout::__private::core::mem::size_of::<Employee>(),
        align: ::typed_layout::__private::core::mem::align_of::<Employee>(),
        shape: ::typed_layout::Shape::Record {
            fields: &[
                ::typed_layout::Field {
                    name: "name",
                    offset: ::typed_layout::__private::core::mem::offset_of!(
                        Employee, name
                    ),
                    layout: &<[u8; 32] as ::typed_layout::PixelLayout>::LAYOUT,
                    padding: false,
                },
                ::typed_layout::Field {
                    name: "age",
                    offset: ::typed_layout::__private::core::mem::offset_of!(
                        Employee, age
                    ),
                    layout: &<i32 as ::typed_layout::PixelLayout>::LAYOUT,
                    padding: false,
                },
                ::typed_layout::Field {
                    name: "_pad",
                    offset: ::typed_layout::__private::core::mem::offset_of!(
                        Employee, _pad
                    ),
                    layout: &<[u8; 4] as ::typed_layout::PixelLayout>::LAYOUT,
                    padding: true,
                },
                ::typed_layout::Field {
                    name: "salary",
                    offset: ::typed_layout::__private::core::mem::offset_of!(
                        Employee, salary
                    ),
                    layout: &<f64 as ::typed_layout::PixelLayout>::LAYOUT,
                    padding: false,
                },
            ],
            packed: false,
        },
    };
    const _: fn(Employee) -> <Employee as ::typed_layout::PixelLayout>::__Fields = |
        __value|
    {
        let Employee {
            name: __field0,
            age: __field1,
            _pad: __field2,
            salary: __field3,
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
    unsafe impl ::typed_layout::PixelLayout for Employee {
        type __Fields = ((([u8; 32],), (i32,)), (([u8; 4],), (f64,)));
        const LAYOUT: ::typed_layout::Layout = __PIXEL_LAYOUT_TABLE;
    }
    impl ::typed_layout::Channel<
        (
            ::typed_layout::Ch<'n'>,
            ::typed_layout::Ch<'a'>,
            ::typed_layout::Ch<'m'>,
            ::typed_layout::Ch<'e'>,
        ),
    > for Employee {
        type Value = [u8; 32];
        #[inline(always)]
        fn channel(&self) -> [u8; 32] {
            self.name
        }
    }
    impl ::typed_layout::Channel<
        (::typed_layout::Ch<'a'>, ::typed_layout::Ch<'g'>, ::typed_layout::Ch<'e'>),
    > for Employee {
        type Value = i32;
        #[inline(always)]
        fn channel(&self) -> i32 {
            self.age
        }
    }
    impl ::typed_layout::Channel<
        (
            ::typed_layout::Ch<'_'>,
            ::typed_layout::Ch<'p'>,
            ::typed_layout::Ch<'a'>,
            ::typed_layout::Ch<'d'>,
        ),
    > for Employee {
        type Value = [u8; 4];
        #[inline(always)]
        fn channel(&self) -> [u8; 4] {
            self._pad
        }
    }
    impl ::typed_layout::Channel<
        (
            ::typed_layout::Ch<'s'>,
            ::typed_layout::Ch<'a'>,
            ::typed_layout::Ch<'l'>,
            ::typed_layout::Ch<'a'>,
            ::typed_layout::Ch<'r'>,
            ::typed_layout::Ch<'y'>,
        ),
    > for Employee {
        type Value = f64;
        #[inline(always)]
        fn channel(&self) -> f64 {
            self.salary
        }
    }
    impl<__Source> ::typed_layout::ConvertFrom<__Source> for Employee
    where
        __Source: ::typed_layout::PixelLayout
            + ::typed_layout::Channel<
                (
                    ::typed_layout::Ch<'n'>,
                    ::typed_layout::Ch<'a'>,
                    ::typed_layout::Ch<'m'>,
                    ::typed_layout::Ch<'e'>,
                ),
                Value = [u8; 32],
            >
            + ::typed_layout::Channel<
                (
                    ::typed_layout::Ch<'a'>,
                    ::typed_layout::Ch<'g'>,
                    ::typed_layout::Ch<'e'>,
                ),
                Value = i32,
            >
            + ::typed_layout::Channel<
                (
                    ::typed_layout::Ch<'s'>,
                    ::typed_layout::Ch<'a'>,
                    ::typed_layout::Ch<'l'>,
                    ::typed_layout::Ch<'a'>,
                    ::typed_layout::Ch<'r'>,
                    ::typed_layout::Ch<'y'>,
                ),
                Value = f64,
            >,
    {
        #[inline(always)]
        fn convert_from(source: &__Source) -> Self {
            Employee {
                name: ::typed_layout::Channel::<
                    (
                        ::typed_layout::Ch<'n'>,
                        ::typed_layout::Ch<'a'>,
                        ::typed_layout::Ch<'m'>,
                        ::typed_layout::Ch<'e'>,
                    ),
                >::channel(source),
                age: ::typed_layout::Channel::<
                    (
                        ::typed_layout::Ch<'a'>,
                        ::typed_layout::Ch<'g'>,
                        ::typed_layout::Ch<'e'>,
                    ),
                >::channel(source),
                _pad: ::typed_layout::zeroed(),
                salary: ::typed_layout::Channel::<
                    (
                        ::typed_layout::Ch<'s'>,
                        ::typed_layout::Ch<'a'>,
                        ::typed_layout::Ch<'l'>,
                        ::typed_layout::Ch<'a'>,
                        ::typed_layout::Ch<'r'>,
                        ::typed_layout::Ch<'y'>,
                    ),
                >::channel(source),
            }
        }
    }
    ::typed_layout::__private::impl_bytemuck!(Employee);
};

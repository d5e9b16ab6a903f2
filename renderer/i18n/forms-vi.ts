// The app's own words where the browser would otherwise speak its language: form checks, the file
// picker, dates typed as text, configuration problems.
export const formsVi = {
  'form.missing': 'Chưa điền “{field}”.',
  'form.tooShort': '“{field}” cần ít nhất {min} ký tự (đang có {length}).',
  'form.tooLong': '“{field}” chỉ được tối đa {max} ký tự (đang có {length}).',
  'form.invalid': '“{field}” chưa đúng dạng.',
  'form.date': '“{field}”: nhập ngày theo dạng dd/MM/yyyy, có thể thêm giờ HH:mm (ví dụ 07/12/2026 08:30).',
  'form.datePlaceholder': 'dd/MM/yyyy HH:mm',
  'file.choose': 'Chọn tệp…',
  'file.none': 'Chưa chọn tệp',
  'problem.config/invalid': 'Tệp cấu hình có trường sai',
  'problem.config/geometry': 'Hình học tường không hợp lệ',
  'problem.config/layout-mismatch': 'Bố cục không khớp tường',
  'problem.config/watch-failed': 'Không theo dõi được thay đổi của tệp cấu hình',
} as const;

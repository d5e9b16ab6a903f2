// Refusals the main process sends as { code, message, params }: the page shows these words for the code,
// filled from params (see error-text.ts); a code missing here shows the main process's English message.
export const errorsVi = {
  'error.auth/not-signed-in': 'Cần đăng nhập để thực hiện việc này.',
  'error.auth/session-expired': 'Phiên làm việc đã hết; hãy đăng nhập lại.',
  'error.auth/bad-credentials': 'Sai tên đăng nhập hoặc mật khẩu.',
  'error.auth/throttled': 'Đăng nhập sai quá nhiều lần; thử lại sau {seconds} giây.',
  'error.auth/busy': 'Có quá nhiều lượt đăng nhập cùng lúc; thử lại sau vài giây.',
  'error.accounts/setup-done': 'Tài khoản quản trị đã được tạo. Hãy đăng nhập.',
  'error.accounts/exists': 'Đã có tài khoản với tên này; hãy chọn tên khác.',
  'error.accounts/last-admin': 'Đây là quản trị viên cuối cùng còn hoạt động; hãy cấp quyền quản trị cho tài khoản khác trước.',
  'error.forbidden': 'Tài khoản “{username}” ({role}) không có quyền thực hiện {channel}; cần vai trò: {roles}.',
  'error.backend-off': 'Chưa cấu hình máy chủ điều hành cho tường này; kịch bản do máy chủ cung cấp.',
  'error.backend-offline': 'Mất kết nối máy chủ từ {sinceAt}: chưa kích hoạt, để tường không lệch với trung tâm.',
  'error.backend-offline/no-local': 'Tường này không cho phép kích hoạt cục bộ khi mất kết nối.',
  'error.backend-offline/not-sent': 'Mất kết nối máy chủ: chưa gửi được kịch bản, hãy thử lại khi có kết nối.',
  'error.store-unavailable': 'Máy chủ trung tâm không kết nối được cơ sở dữ liệu: chưa thay đổi gì. Thử lại sau giây lát; máy trạm tự chuyển sang máy chủ còn hoạt động.',
  'error.db/full': 'Ổ đĩa chứa cơ sở dữ liệu đã đầy: thay đổi chưa được lưu (tường vẫn hiển thị bình thường). Hãy giải phóng dung lượng; việc lưu sẽ tự tiếp tục.',
  'error.db/cannot-write': 'Không ghi được cơ sở dữ liệu: thay đổi chưa được lưu (tường vẫn hiển thị bình thường). Hãy kiểm tra ổ đĩa và quyền ghi.',
  'error.layout/active': 'Bố cục này đang hiển thị trên tường; hãy áp dụng bố cục khác trước khi xoá.',
  'error.calibration/no-draft': 'Không có hiệu chỉnh nào đang xem trước để áp dụng.',
  'error.calibration/nothing-to-undo': 'Không có hiệu chỉnh trước đó để quay lại.',
  'error.calibration/one-screen': 'Mỗi màn hiển thị chỉ gán cho một màn hình; hãy chọn màn hình.',
  'error.pages/unknown-code': 'Không có trang nào đang chờ với mã này; hãy mở lại /screen trên trình duyệt.',
  'error.profiles/unavailable': 'Hồ sơ hiệu chỉnh cần cơ sở dữ liệu, máy chủ này không có.',
  // The page's own link to the host (renderer/bridge).
  'error.disconnected': 'Mất kết nối tới máy chủ; hãy thử lại.',
  'error.closed': 'Kết nối của trang tới máy chủ đã đóng; hãy tải lại trang.',
  'error.timeout': 'Máy chủ không trả lời kịp; hãy thử lại.',
} as const;

export type ErrorsKey = keyof typeof errorsVi;

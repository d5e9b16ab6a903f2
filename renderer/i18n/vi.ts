// Vietnamese first: the words operators and technicians use (see /work/shared/DOMAIN.md).
// "{name}" marks a value filled in at run time.
import { camerasVi } from './cameras-vi.js';
import { consoleVi } from './console-vi.js';
import { errorsVi } from './errors-vi.js';
import { formsVi } from './forms-vi.js';
import { panelsVi } from './panels-vi.js';
import { procedureVi } from './procedure-vi.js';
import { wallHealthVi } from './wall-health-vi.js';
import { technicianVi } from './technician-vi.js';

export const vi = {
  ...procedureVi,
  ...technicianVi,
  ...panelsVi,
  ...errorsVi,
  ...consoleVi,
  ...wallHealthVi,
  ...camerasVi,
  ...formsVi,
  'app.loading': 'Đang tải tường màn hình…',
  'app.connecting': 'Đang kết nối máy chủ…',
  'app.connectionLost': 'Mất kết nối máy chủ — đang thử kết nối lại',
  'app.notFound.title': 'Không có trang này',
  'app.notFound.body': 'Địa chỉ {path} không phải trang của Toàn Cảnh. Mở /console hoặc /screen/<mã màn hình>.',
  'app.error.title': 'Không hiển thị được',
  'screen.unknown.title': 'Màn hình không có trong cấu hình',
  'screen.unknown.body': 'Tường “{wall}” không có màn hình “{id}”. Các màn hình đã cấu hình: {ids}.',
  'screen.refused.body': 'Máy chủ từ chối màn hình “{id}”: {message}',
  'identify.screen': 'Màn hình',
  'identify.resolution': 'Độ phân giải',
  'identify.position': 'Vị trí trên tường',
  'identify.grid': 'hàng {row}, cột {col}',
  'identify.explicit': 'x {x}, y {y} (px)',
  'identify.canvas': 'Vùng trên tường',
  'identify.display': 'Màn hiển thị (display)',
  'identify.displayAuto': 'tự chọn',
  'panel.invalid': 'Cấu hình khung không hợp lệ',
  'panel.unknownType': 'Loại khung “{type}” không được hỗ trợ',
  'panel.crashed': 'Khung gặp lỗi khi hiển thị',
  'console.title': 'Bảng điều khiển tường màn hình',
  'console.wall': 'Tường',
  'console.revision': 'Phiên bản trạng thái',
  'console.controls': 'Điều khiển',
  'console.bezel': 'Bù viền màn hình',
  'console.identify': 'Hiện số nhận dạng màn hình',
  'console.language': 'Ngôn ngữ',
  'console.language.vi': 'Tiếng Việt',
  'console.language.en': 'English',
  'console.actionFailed': 'Không thực hiện được: {message}',
  'console.problems': 'Lỗi cấu hình',
  'console.problems.none': 'Không có lỗi cấu hình.',
  'console.miniature': 'Sơ đồ tường (theo tỉ lệ)',
  'console.screens': 'Trạng thái màn hình',
  'console.col.screen': 'Màn hình',
  'console.col.link': 'Kết nối',
  'console.col.revision': 'Phiên bản đã áp dụng',
  'console.col.state': 'Trạng thái',
  'console.col.transport': 'Loại',
  'console.online': 'Trực tuyến',
  'console.offline': 'Mất kết nối',
  'console.upToDate': 'đã cập nhật',
  'console.behind': 'chưa cập nhật',
  'console.state.ready': 'Sẵn sàng',
  'console.state.error': 'Lỗi',
  'console.state.waiting': 'Đang chờ',
  'console.transport.electron': 'cửa sổ ứng dụng',
  'console.transport.browser': 'trình duyệt',
  'console.faults': '{count} sự cố ở các khung',
  'console.fault.crashed': 'Khung bị lỗi',
  'console.fault.camera': 'Camera',
  'console.fault.map': 'Bản đồ',
  'console.faultSince': 'từ {time}',
  'console.never': 'chưa kết nối',
  'data.staleAge': 'Dữ liệu cũ, {age}',
} as const;

export type MessageKey = keyof typeof vi;

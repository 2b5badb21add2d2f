/**
 * Every refusal the API can give: a stable code, its HTTP status, and the message in zh-CN and en-US.
 * The web shows the message for the current locale; clients branch on the code.
 */
export const ERROR_CODES = {
  AUTH_REQUIRED: { status: 401, zh: '请先登录。', en: 'Please sign in first.' },
  LOGIN_FAILED: { status: 401, zh: '用户名或密码不正确。', en: 'The user name or password is incorrect.' },
  ACCOUNT_LOCKED: {
    status: 423,
    zh: '登录失败次数过多，账号已临时锁定，请稍后再试。',
    en: 'Too many failed sign-ins: the account is locked for a while. Please try again later.',
  },
  RATE_LIMITED: { status: 429, zh: '请求过于频繁，请稍后再试。', en: 'Too many requests. Please try again later.' },
  CSRF_INVALID: {
    status: 403,
    zh: '请求缺少有效的安全令牌，请刷新页面后重试。',
    en: 'The request lacks a valid security token. Reload the page and try again.',
  },
  FORBIDDEN: { status: 403, zh: '您没有执行此操作的权限。', en: 'You are not allowed to do this.' },
  NOT_FOUND: { status: 404, zh: '未找到该记录，或您无权查看。', en: 'Not found, or you may not see it.' },
  ROUTE_NOT_FOUND: { status: 404, zh: '接口不存在。', en: 'No such endpoint.' },
  VERSION_CONFLICT: {
    status: 409,
    zh: '该方案已被他人修改。您的内容未丢失，请刷新查看最新版本后再合并您的修改。',
    en: 'Someone else changed this plan meanwhile. Your text is not lost: load the latest version and merge your changes.',
  },
  INVALID_TRANSITION: {
    status: 409,
    zh: '申报当前所处状态不允许此操作。',
    en: 'This action is not allowed in the application’s current state.',
  },
  ALREADY_DECIDED: {
    status: 409,
    zh: '本单位已对该申报作出初审意见。',
    en: 'Your authority has already given its preliminary review opinion on this application.',
  },
  SCORES_INCOMPLETE: {
    status: 409,
    zh: '评审组仍有专家未提交评分，暂不能作出决定。',
    en: 'Some panel experts have not submitted their scores yet; no decision can be taken.',
  },
  CONFLICT_OF_INTEREST: {
    status: 422,
    zh: '存在需要回避的情形，不能安排该专家评审此申报。',
    en: 'A conflict of interest excludes this expert from this application.',
  },
  EXPERT_UNAVAILABLE: { status: 422, zh: '所选专家目前不可参加评审。', en: 'A chosen expert is not available.' },
  EXPERT_OVER_CAPACITY: { status: 422, zh: '所选专家的评审任务已达上限。', en: 'A chosen expert has reached their review load cap.' },
  DECLARATION_REQUIRED: {
    status: 409,
    zh: '请先声明与该申报无利益冲突，再查看方案和评分。',
    en: 'Declare that you have no conflict of interest before reading the plan and scoring.',
  },
  RECUSED: { status: 409, zh: '您已申请回避该申报的评审。', en: 'You have recused yourself from this review.' },
  ALREADY_SUBMITTED: { status: 409, zh: '本轮评分已提交，不能重复提交。', en: 'Your scores for this round are already submitted.' },
  SCORES_HIDDEN: {
    status: 403,
    zh: '提交本人评分后才能查看其他专家的评分。',
    en: 'Other experts’ scores are visible only after you have submitted your own.',
  },
  DOCUMENT_NO_TAKEN: { status: 409, zh: '该批复文号已被使用。', en: 'That approval document number is already used.' },
  USERNAME_TAKEN: { status: 409, zh: '用户名已被使用。', en: 'That user name is taken.' },
  CANNOT_DEACTIVATE_SELF: { status: 409, zh: '不能停用自己的账号。', en: 'You cannot deactivate your own account.' },
  WEAK_PASSWORD: {
    status: 422,
    zh: '密码至少10位，须同时包含字母和数字，且不得包含用户名。',
    en: 'A password needs at least 10 characters, letters and digits, and must not contain the user name.',
  },
  ROLE_NOT_FOR_ORGANISATION: {
    status: 422,
    zh: '该角色与所属单位的类型不符。',
    en: 'That role does not fit the kind of organisation.',
  },
  VALIDATION_FAILED: { status: 422, zh: '提交的数据不符合要求。', en: 'The submitted data is not valid.' },
  MALFORMED_JSON: { status: 400, zh: '请求内容不是有效的 JSON。', en: 'The request body is not valid JSON.' },
  BAD_REQUEST: { status: 400, zh: '请求格式不正确。', en: 'The request is malformed.' },
  PLAN_HAS_BLOCKING_FINDINGS: {
    status: 422,
    zh: '方案仍有必须修改的问题，暂不能提交。请根据检查结果修改后再提交。',
    en: 'The plan still has blocking findings and cannot be submitted. Fix them and submit again.',
  },
  CITY_NOT_IN_SCOPE: {
    status: 422,
    zh: '申报城市须包含本单位所在城市，且须为有效的行政区划代码。',
    en: 'The applying cities must include your own city and be valid division codes.',
  },
  CHECKLIST_INCOMPLETE: {
    status: 422,
    zh: '转报前须完成完整性和真实性核查清单的全部项目。',
    en: 'Every item of the completeness and authenticity checklist must be confirmed before forwarding.',
  },
  FILE_TOO_LARGE: { status: 413, zh: '文件超过大小限制。', en: 'The file is larger than allowed.' },
  FILE_TYPE_NOT_ALLOWED: {
    status: 415,
    zh: '仅支持 PDF、Word、Excel 和图片（PNG、JPEG）文件。',
    en: 'Only PDF, Word, Excel and image (PNG, JPEG) files are accepted.',
  },
  FILE_TYPE_MISMATCH: {
    status: 415,
    zh: '文件内容与文件扩展名不符。',
    en: 'The file’s content does not match its extension.',
  },
  INTERNAL: {
    status: 500,
    zh: '服务器内部错误，已记录。您已保存的内容不受影响。',
    en: 'Internal server error; it has been logged. Nothing you saved is affected.',
  },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: { 'zh-CN': string; 'en-US': string };
    details?: unknown;
  };
}

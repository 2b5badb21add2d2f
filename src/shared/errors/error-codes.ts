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
    zh: '该内容已被他人修改。您填写的内容未丢失，请刷新查看最新版本后再合并您的修改。',
    en: 'Someone else changed this meanwhile. What you entered is not lost: load the latest version and merge your changes.',
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
  JOB_ALREADY_RETRIED: { status: 409, zh: '该任务已被重试。', en: 'This job has already been retried.' },
  JOB_NOT_RETRYABLE: { status: 409, zh: '该任务不属于本平台的任务队列，无法重试。', en: 'This job belongs to no queue of this platform and cannot be retried.' },
  ADMIN_ACCOUNT_PROTECTED: {
    status: 403,
    zh: '系统管理员、安全管理员和审计管理员的账号由运维人员在命令行管理，不能在此停用、启用或重置密码。',
    en: 'Accounts of the system, security and audit administrators are managed on the command line by the operator; they cannot be deactivated, reactivated or reset here.',
  },
  CANNOT_REVOKE_OWN_SESSIONS: { status: 409, zh: '不能强制下线自己，请使用“退出”。', en: 'You cannot end your own sessions here: sign out instead.' },
  AUDIT_EXPORT_TOO_LARGE: {
    status: 422,
    zh: '符合条件的审计记录过多，无法一次导出，请缩小时间范围或增加筛选条件。',
    en: 'Too many audit records match to export at once: narrow the time range or add filters.',
  },
  CANNOT_DEACTIVATE_SELF: { status: 409, zh: '不能停用自己的账号。', en: 'You cannot deactivate your own account.' },
  WEAK_PASSWORD: {
    status: 422,
    zh: '密码至少10位，须同时包含字母和数字，且不得包含用户名。',
    en: 'A password needs at least 10 characters, letters and digits, and must not contain the user name.',
  },
  PASSWORD_TOO_SHORT: {
    status: 422,
    zh: '密码长度不足：至少需要8位（以本平台密码策略为准）。',
    en: 'The password is too short: it needs at least 8 characters (or what the platform’s policy sets).',
  },
  PASSWORD_TOO_FEW_CLASSES: {
    status: 422,
    zh: '密码须包含大写字母、小写字母、数字、特殊符号中的至少三类。',
    en: 'The password must use at least three of: upper-case letters, lower-case letters, digits, symbols.',
  },
  PASSWORD_CONTAINS_USERNAME: { status: 422, zh: '密码不得包含用户名。', en: 'The password must not contain the user name.' },
  PASSWORD_BREACHED: {
    status: 422,
    zh: '该密码属于常见或已泄露的弱密码（含在其前后加数字、年份的写法），请换一个。',
    en: 'This password is a common or breached one (also with digits or a year added): choose another.',
  },
  PASSWORD_REUSED: { status: 422, zh: '新密码不能与最近使用过的5个密码相同。', en: 'The new password must differ from the last 5 you used.' },
  CURRENT_PASSWORD_WRONG: { status: 422, zh: '当前密码不正确。', en: 'The current password is incorrect.' },
  PASSWORD_CHANGE_REQUIRED: {
    status: 403,
    zh: '您的密码已过期或为管理员设置的临时密码，请先修改密码。',
    en: 'Your password has expired or is a temporary one set by an administrator: change it first.',
  },
  TOTP_ENROLMENT_REQUIRED: {
    status: 403,
    zh: '您的角色须使用双因素认证，请先绑定动态口令。',
    en: 'Your role must sign in with two factors: set up your authenticator first.',
  },
  TOTP_CODE_REQUIRED: { status: 401, zh: '请输入动态口令（6位验证码）。', en: 'Enter the 6-digit code from your authenticator.' },
  TOTP_CODE_INVALID: { status: 401, zh: '动态口令不正确或已过期。', en: 'The authenticator code is wrong or has expired.' },
  TOTP_CODE_REPLAYED: {
    status: 401,
    zh: '该动态口令已使用过，请等待下一个口令。',
    en: 'This code has been used already: wait for the next one.',
  },
  TOTP_NOT_STARTED: { status: 409, zh: '请先开始绑定动态口令。', en: 'Start setting up the authenticator first.' },
  TOTP_NOT_ENABLED: { status: 409, zh: '该用户未绑定动态口令。', en: 'This user has no authenticator set up.' },
  TOTP_ALREADY_ENABLED: { status: 409, zh: '已绑定动态口令。', en: 'An authenticator is set up already.' },
  ENROLMENT_CODE_INVALID: {
    status: 422,
    zh: '验证码不正确，请核对手机上的动态口令后重试。',
    en: 'The code is wrong: check the code in your authenticator and try again.',
  },
  SESSION_EXPIRED: { status: 401, zh: '会话已超时，请重新登录。', en: 'Your session has timed out. Please sign in again.' },
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
  FILE_UNPACKS_TOO_LARGE: {
    status: 413,
    zh: '文件解压后超过大小限制（疑似压缩炸弹），请使用平台提供的模板。',
    en: 'The file unpacks to more than is accepted (a suspected zip bomb); use the platform’s template.',
  },
  // Policy resources, think-tank consulting and the province's part (issue 7)
  RESOURCE_PROGRAMME_UNKNOWN: {
    status: 422,
    zh: '所选支持政策（资金项目）不在已配置的政策清单中。',
    en: 'The chosen programme is not among the configured funding programmes.',
  },
  RESOURCE_PROGRAMME_IN_USE: {
    status: 409,
    zh: '该支持政策已有支持记录，不能从清单中删除。',
    en: 'A programme that already has records cannot be removed from the list.',
  },
  RESOURCE_YEAR_OUTSIDE_PERIOD: {
    status: 422,
    zh: '支持年度须在试点期内。',
    en: 'The year must lie within the pilot period.',
  },
  RESOURCE_TARGET_UNKNOWN: {
    status: 422,
    zh: '所选指标不属于该试点的目标任务。',
    en: 'A chosen indicator is not a target of this pilot’s contract.',
  },
  PILOT_CLOSED_FOR_SUPPORT: {
    status: 409,
    zh: '该试点已通报取消，不能再登记支持或申请咨询。',
    en: 'This pilot is cancelled: no further support or consulting can be recorded.',
  },
  CONSULTING_INVALID_STATE: {
    status: 409,
    zh: '该咨询需求当前所处状态不允许此操作。',
    en: 'This action is not allowed in the consulting request’s current state.',
  },
  CONSULTING_SERVED_ON_INVALID: {
    status: 422,
    zh: '服务日期不得早于需求提出日期，也不得晚于今天。',
    en: 'The service date may be neither before the request nor after today.',
  },
  PROVINCE_FILE_INVALID: {
    status: 422,
    zh: '附件不存在、用途不符或不属于本单位。',
    en: 'The attachment does not exist, has another purpose, or is not your authority’s.',
  },
  // The pilot's lifecycle (issue 7): refusals of a transition, one per guard of the lifecycle table
  PILOT_INVALID_TRANSITION: {
    status: 409,
    zh: '试点当前所处阶段不允许此操作。',
    en: 'This action is not allowed in the pilot’s current phase.',
  },
  PILOT_TRANSITION_ELSEWHERE: {
    status: 409,
    zh: '此操作须在限期整改案件中办理。',
    en: 'This action is taken on the rectification case, not here.',
  },
  PILOT_CLOSED: {
    status: 409,
    zh: '该试点已中止、通报取消或已确认为示范城市，不能再办理此事项。',
    en: 'This pilot is suspended, cancelled or completed: this can no longer be done.',
  },
  PHASE_NOT_DUE: { status: 409, zh: '尚未到下一阶段的计划开始时间。', en: 'The next phase is not due yet.' },
  EVALUATION_MISSING: { status: 409, zh: '本阶段尚无考核评估结果。', en: 'No evaluation of this phase is on record.' },
  EVALUATION_FAILED: { status: 409, zh: '本阶段考核评估不合格，应先限期整改。', en: 'This phase’s evaluation failed; rectification comes first.' },
  EVALUATION_NOT_FAILED: {
    status: 409,
    zh: '只有考核评估不合格或指标滞后时才能下达限期整改。',
    en: 'Rectification is ordered only after a failed evaluation or on off-track indicators.',
  },
  RECTIFICATION_REPORT_MISSING: { status: 409, zh: '城市尚未提交整改报告。', en: 'The city has not submitted its rectification report.' },
  REASSESSMENT_MISSING: { status: 409, zh: '尚未进行整改复核。', en: 'The re-assessment has not been held.' },
  REASSESSMENT_FAILED: { status: 409, zh: '整改复核不合格。', en: 'The re-assessment failed.' },
  RETURN_PHASE_UNKNOWN: { status: 409, zh: '未记录整改前所处阶段。', en: 'The phase before rectification is not recorded.' },
  RECTIFICATION_PENDING: {
    status: 409,
    zh: '整改期限未到且复核未判定不合格，不能中止。',
    en: 'The deadline has not passed and no re-assessment has failed: the pilot cannot be suspended.',
  },
  // Amendments 调整优化 and the summary 总结示范 (issue 7)
  AMENDMENT_INVALID_TRANSITION: {
    status: 409,
    zh: '该调整申请当前所处状态不允许此操作。',
    en: 'This action is not allowed in the amendment’s current state.',
  },
  AMENDMENT_CITY_INVALID: {
    status: 422,
    zh: '新增成员须为有效的地级及以上城市（或城市下辖区）行政区划代码，且尚未在该试点中。',
    en: 'A new member must be a valid city-level (or city district) division code not yet in the pilot.',
  },
  AMENDMENT_YEAR_INVALID: {
    status: 422,
    zh: '生效年度须在试点期内，且不得早于现行目标任务版本的生效年度。',
    en: 'The effective year must lie within the pilot period and not before that of the contract in force.',
  },
  AMENDMENT_TARGETS_INVALID: {
    status: 422,
    zh: '调整后的目标须至少一项，且各目标编号不得重复。',
    en: 'The revised targets need at least one target, with distinct ids.',
  },
  ALREADY_GAVE_OPINION: { status: 409, zh: '本单位已对该调整申请提出意见。', en: 'Your authority has already given its opinion on this amendment.' },
  SUMMARY_ALREADY_SUBMITTED: { status: 409, zh: '总结报告已提交，不能再修改。', en: 'The summary report is submitted and can no longer be changed.' },
  SUMMARY_FILE_INVALID: {
    status: 422,
    zh: '附件不存在，或不属于该试点的总结材料。',
    en: 'An attachment does not exist or is not one of this pilot’s summary files.',
  },
  // Progress reports 进度报告 (issue 7)
  REPORT_INVALID_TRANSITION: {
    status: 409,
    zh: '进度报告当前所处状态不允许此操作。',
    en: 'This action is not allowed in the progress report’s current status.',
  },
  REPORT_PERIOD_NOT_OPEN: { status: 409, zh: '该报告期尚未开始，暂不能填报。', en: 'This reporting period has not begun yet.' },
  REPORT_INCOMPLETE: {
    status: 422,
    zh: '每项指标都须填写实际值和数据来源后才能提交。',
    en: 'Every indicator needs an actual value and its data source before the report can be submitted.',
  },
  REPORT_TARGET_UNKNOWN: { status: 422, zh: '该指标不在现行目标考核清单中。', en: 'That indicator is not in the contract in force.' },
  REPORT_EVIDENCE_UNKNOWN: { status: 422, zh: '佐证材料不存在或不属于本试点。', en: 'An evidence file does not exist or belongs to another pilot.' },
  // Rectification 限期整改 and the public notice 通报 (issue 7)
  RECTIFICATION_INVALID_STATE: {
    status: 409,
    zh: '该整改案件当前所处环节不允许此操作。',
    en: 'This action is not allowed at the rectification case’s current step.',
  },
  RECTIFICATION_EVALUATION_INVALID: {
    status: 422,
    zh: '所选考核评估不存在、尚未作出结论或不属于该试点。',
    en: 'The chosen evaluation does not exist, is not decided yet, or is not this pilot’s.',
  },
  RECTIFICATION_DEADLINE_INVALID: { status: 422, zh: '整改期限须晚于今天。', en: 'The deadline must lie after today.' },
  RECTIFICATION_FILE_INVALID: {
    status: 422,
    zh: '佐证材料不存在，或不属于该试点的整改材料。',
    en: 'An evidence file does not exist or is not one of this pilot’s rectification files.',
  },
  NOTICE_DOCUMENT_NO_TAKEN: { status: 409, zh: '该通报文号已被使用。', en: 'That notice document number is already used.' },
  // Evaluation 考核评估 (issue 7)
  EVALUATION_INVALID_STATE: {
    status: 409,
    zh: '该考核评估当前所处环节不允许此操作。',
    en: 'This action is not allowed at the evaluation’s current step.',
  },
  EVALUATION_DEADLINE_INVALID: { status: 422, zh: '评估截止日期不能早于今天。', en: 'The deadline cannot lie before today.' },
  EVALUATION_PANEL_SHORT: {
    status: 409,
    zh: '无回避情形且未超负荷的专家不足，无法组成评估专家组。',
    en: 'Not enough experts without a conflict of interest and within their load to seat the panel.',
  },
  EVALUATION_SCORES_INVALID: {
    status: 422,
    zh: '评分须覆盖本方案中由您评分的全部定性指标，且不得包含其他指标。',
    en: 'The scores must cover every qualitative item you score in this scheme, and no other item.',
  },
  EVALUATION_ALREADY_SCORED: { status: 409, zh: '您已提交评分，不能再次提交。', en: 'You have submitted your scores already.' },
  // The typical-case library 典型案例 (issue 10)
  CASE_INVALID_TRANSITION: { status: 409, zh: '该案例当前所处环节不允许此操作。', en: 'This action is not allowed at the case’s current step.' },
  CASE_NOT_EDITABLE: { status: 409, zh: '该案例已提交或已发布，当前不能修改。', en: 'The case is submitted or published and cannot be edited now.' },
  CASE_INCOMPLETE: {
    status: 422,
    zh: '案例尚不完整：标题、摘要、正文、地区、行业和主题均须填写后才能提交或发布。',
    en: 'The case is incomplete: title, summary, body, region, industry and theme are needed before it is submitted or published.',
  },
  CASE_COMMENT_REQUIRED: { status: 422, zh: '退回修改或撤销发布须写明理由。', en: 'Returning or unpublishing a case needs a reason.' },
  CASE_TAG_UNKNOWN: { status: 422, zh: '所选标签不在案例库的标签目录中。', en: 'A tag is not in the case library’s vocabulary.' },
  CASE_PILOT_REQUIRED: { status: 422, zh: '城市撰写的案例须关联本市的试点。', en: 'A city’s case must name its own pilot.' },
  CASE_EVIDENCE_INVALID: {
    status: 422,
    zh: '所引用的指标或数据不属于该试点，或该报告尚未经省级确认。',
    en: 'A cited indicator or figure is not this pilot’s, or its report is not confirmed by the province.',
  },
  CASE_NOMINATION_TAKEN: { status: 409, zh: '该典型经验已生成案例草稿。', en: 'A case draft has already been made from this nomination.' },
  CASE_NOT_PUBLISHED: { status: 422, zh: '案例汇编只能收录已发布的案例。', en: 'A case book can hold published cases only.' },
  // The dashboards 统计看板 (issue 10)
  DASHBOARD_PROVINCE_OUT_OF_SCOPE: {
    status: 403,
    zh: '省级主管部门只能查看本省的统计看板。',
    en: 'A provincial authority sees its own province’s dashboard only.',
  },
  PORTAL_ALREADY_PUBLISHED: { status: 409, zh: '该内容已在公开门户发布。', en: 'This is already published on the public portal.' },
  PORTAL_ALREADY_WITHDRAWN: { status: 409, zh: '该发布已撤回。', en: 'This publication has already been withdrawn.' },
  PORTAL_PLAN_NOT_PUBLISHED: {
    status: 409,
    zh: '请先发布该试点的公开页面（实施方案摘要），再发布其年度进展。',
    en: 'Publish the pilot’s public page (its plan summary) before the progress of a year.',
  },
  PORTAL_YEAR_OUTSIDE_PERIOD: { status: 422, zh: '所选年度不在该试点的三年试点期内。', en: 'That year is outside the pilot’s three-year period.' },
  // Events 活动 and action items 督办事项 (issue 10)
  EVENT_INVALID_STATE: { status: 409, zh: '该活动当前所处状态不允许此操作。', en: 'This action is not allowed in the event’s current state.' },
  EVENT_DATES_INVALID: { status: 422, zh: '活动结束日期不得早于开始日期。', en: 'The event may not end before it starts.' },
  EVENT_NOT_YET_HELD: { status: 409, zh: '活动尚未到开始日期，不能登记为已召开。', en: 'The event has not started yet: it cannot be recorded as held.' },
  EVENT_MINUTES_EMPTY: { status: 422, zh: '请先填写会议纪要再印发。', en: 'Write the minutes before publishing them.' },
  EVENT_MINUTES_NOT_AVAILABLE: { status: 404, zh: '会议纪要尚未印发。', en: 'The minutes have not been published yet.' },
  EVENT_REASON_REQUIRED: { status: 422, zh: '此操作须注明原因。', en: 'This action needs a reason.' },
  EVENT_PILOT_UNKNOWN: { status: 422, zh: '所选关联试点不存在。', en: 'A related pilot does not exist.' },
  EVENT_AUTHORITY_UNKNOWN: { status: 422, zh: '所选省级主管部门不存在。', en: 'A provincial authority named does not exist.' },
  ACTION_ITEM_OWNER_INVALID: {
    status: 422,
    zh: '承办单位须为工信部司局、省级工信主管部门或试点城市。',
    en: 'The owner must be a ministry department, a provincial authority or a pilot city.',
  },
  ACTION_ITEM_INVALID_STATE: { status: 409, zh: '该督办事项当前所处状态不允许此操作。', en: 'This action is not allowed in the action item’s current state.' },
  ACTION_ITEM_NOTE_REQUIRED: { status: 422, zh: '办结须填写办结说明。', en: 'Closing an item needs a closing note.' },
  DOSSIER_TOO_LARGE: {
    status: 413,
    zh: '该档案的文件总量超过单次下载的上限，请分别下载各附件。',
    en: 'This file’s documents exceed what one download may hold: download the attachments one by one.',
  },
  DATABASE_UNAVAILABLE: {
    status: 503,
    zh: '数据库暂时无法访问，请稍后重试。您已保存的内容不受影响。',
    en: 'The database cannot be reached at the moment. Try again shortly; nothing you saved is affected.',
  },
  AUDIT_UNAVAILABLE: {
    status: 503,
    zh: '审计日志暂时无法写入，本次操作未确认成功。请稍后刷新查看结果后再决定是否重试；操作记录已留存，将补记入审计日志。',
    en: 'The audit log cannot be written at the moment, so this action is not confirmed. Reload shortly to see its result before retrying; its record is kept and will be added to the audit log.',
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

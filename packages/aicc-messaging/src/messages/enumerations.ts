/*
 * The enumerations of the CC-Messaging web client API (reference §7). Uplink values are what a client may send;
 * downlink values are what AICC documents sending. Parsers of AICC answers accept values outside these lists (a
 * newer AICC must not make a client drop messages a poll has already taken off the server), typed as
 * `KnownValue | (string & {})` so editors still offer the known ones.
 */

/** `channel` — always `WEB` on this surface. */
export const CHANNEL = 'WEB';

/** `controlType` values a client sends. */
export const UPLINK_CONTROL_TYPES = ['CONNECT', 'CHAT', 'TRANS2AGENT', 'INPUT', 'DISCONNECT', 'READ'] as const;
/** A `controlType` a client sends. */
export type UplinkControlType = (typeof UPLINK_CONTROL_TYPES)[number];

/** `controlType` values of downlink messages (`TRANS2AGENT` appears in the push spec). */
export const DOWNLINK_CONTROL_TYPES = ['CHAT', 'CONNECT', 'DISCONNECT', 'READ', 'TRANS2AGENT'] as const;
/** A documented downlink `controlType`. */
export type DownlinkControlType = (typeof DOWNLINK_CONTROL_TYPES)[number];

/** `mediaType` values a client sends. */
export const UPLINK_MEDIA_TYPES = ['TEXT', 'IMAGE', 'AUDIO', 'VIDEO', 'FILE', 'FILE_IMAGE', 'FILE_VIDEO', 'WEBCARD', 'LOCATE'] as const;
/** A `mediaType` a client sends. */
export type UplinkMediaType = (typeof UPLINK_MEDIA_TYPES)[number];

/** `mediaType` values of downlink messages. */
export const DOWNLINK_MEDIA_TYPES = ['TEXT', 'IMAGE', 'VIDEO', 'AUDIO', 'LOCATE', 'DOCUMENT'] as const;
/** A documented downlink `mediaType`. */
export type DownlinkMediaType = (typeof DOWNLINK_MEDIA_TYPES)[number];

/** `sourceType` of the messages a client sends. */
export const UPLINK_SOURCE_TYPE = 'CUSTOMER';

/** `sourceType` values of downlink messages. */
export const DOWNLINK_SOURCE_TYPES = ['AGENT', 'ROBOT', 'SYSTEM'] as const;
/** A documented downlink `sourceType`. */
export type DownlinkSourceType = (typeof DOWNLINK_SOURCE_TYPES)[number];

/** `surveyType` of `getsatisfactionsurveymode`: a web survey, or none configured. */
export const SURVEY_TYPES = ['WEB', 'NO'] as const;
/** A documented `surveyType`. */
export type SurveyType = (typeof SURVEY_TYPES)[number];

/** `satisfactionQuestion` values: first-contact resolution, net promoter score, customer satisfaction. */
export const SATISFACTION_QUESTIONS = ['FCR', 'NPS', 'CSAT'] as const;
/** A documented `satisfactionQuestion`. */
export type SatisfactionQuestion = (typeof SATISFACTION_QUESTIONS)[number];

/** `evaluation` / `satisfactionLevelKey`: `"1"` very dissatisfied … `"5"` very satisfied. */
export const SATISFACTION_LEVELS = ['1', '2', '3', '4', '5'] as const;
/** A satisfaction level. */
export type SatisfactionLevel = (typeof SATISFACTION_LEVELS)[number];

/** `language` values of `getsatisfactionsurveymode`. */
export const SURVEY_LANGUAGES = ['zh_CN', 'en_US', 'pt_BR', 'ar_SA', 'fr_FR', 'es_ES'] as const;
/** A survey language. */
export type SurveyLanguage = (typeof SURVEY_LANGUAGES)[number];

/** File types `uploadFileStream` accepts (case-insensitive; `bpm` is AICC's spelling next to `bmp`). */
export const UPLOAD_FILE_TYPES = ['jpg', 'jpeg', 'png', 'bmp', 'bpm', 'mp3', 'aac', 'mp4', 'txt', 'csv'] as const;
/** A file type `uploadFileStream` accepts. */
export type UploadFileType = (typeof UPLOAD_FILE_TYPES)[number];

/** File types `downloadFileStream` accepts (case-insensitive). */
export const DOWNLOAD_FILE_TYPES: readonly [...typeof UPLOAD_FILE_TYPES, 'richtext', 'doc', 'docx', 'pdf', 'zip'] = /* @__PURE__ */ (() =>
  [...UPLOAD_FILE_TYPES, 'richtext', 'doc', 'docx', 'pdf', 'zip'] as const)();
/** A file type `downloadFileStream` accepts. */
export type DownloadFileType = (typeof DOWNLOAD_FILE_TYPES)[number];

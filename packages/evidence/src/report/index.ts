// Court report (出证报告): render from a bundle + its verification report, then seal (PAdES B-LTA).
export type { CourtReportInput } from './court-report-context.js';
export { maskIdNumber } from './mask-id-number.js';
export { renderCourtReport } from './render-court-report.js';
export { type SealCourtReportOptions, sealCourtReport } from './seal-court-report.js';

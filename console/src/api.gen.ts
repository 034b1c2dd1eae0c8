// Generated from /docs/openapi.json by tools/openapi-types.ts; do not edit (UPDATE_CONSOLE_TYPES=1 npm test).
/* eslint-disable */
export type AppointmentChangeResponse = {
  kind: string;
  source: "call" | "calcom_webhook" | "reconciliation";
  occurredAt: string;
  calcomBookingUid: string | null;
  startAt: string | null;
};
export type AppointmentDetailResponse = {
  id: string;
  companyId: string;
  customerId: string | null;
  serviceId: string | null;
  callId: string | null;
  status: string;
  startAt: string;
  endAt: string;
  calcomBookingUid: string | null;
  source: "call" | "calcom";
  attendeeNoShow: boolean | null;
  lastNewsAt: string | null;
  uids: Array<string>;
  changes: Array<AppointmentChangeResponse>;
};
export type AppointmentResponse = {
  id: string;
  companyId: string;
  customerId: string | null;
  serviceId: string | null;
  callId: string | null;
  status: string;
  startAt: string;
  endAt: string;
  calcomBookingUid: string | null;
  source: "call" | "calcom";
  attendeeNoShow: boolean | null;
  lastNewsAt: string | null;
};
export type BranchResponse = {
  id: string;
  companyId: string;
  name: string;
  address: string | null;
  openingHours: Record<string, Array<Array<string>>>;
  createdAt: string;
  updatedAt: string;
};
export type BreakerStateResponse = {
  companyId: string;
  state: "closed" | "half-open" | "open";
};
export type CalcomState = {
  breakers: Array<BreakerStateResponse>;
};
export type CallAppointment = {
  id: string;
  status: "booking" | "uncertain" | "accepted" | "pending" | "cancelled" | "rejected" | "failed";
  startAt: string;
  calcomBookingUid: string | null;
  changes: Array<AppointmentChangeResponse>;
};
export type CallCostResponse = {
  totalCents: number;
  totalDurationSeconds: number | null;
  items: Array<CostItem>;
};
export type CallDetailResponse = {
  id: string;
  retellCallId: string;
  company: CompanyRef | null;
  customer: CustomerRef | null;
  direction: "inbound" | "outbound" | null;
  fromNumber: string | null;
  toNumber: string | null;
  status: string | null;
  startedAt: string | null;
  endedAt: string | null;
  durationMs: number | null;
  costCents: number | null;
  disconnectionReason: string | null;
  createdAt: string;
  transcript: string | null;
  transcriptObject: Array<Record<string, unknown>> | null;
  analysis: Record<string, unknown> | null;
  costBreakdown: CallCostResponse | null;
  events: Array<CallEventResponse>;
  appointments: Array<CallAppointment>;
  functionCalls: Array<FunctionCallResponse>;
};
export type CallEventResponse = {
  event: string;
  receivedAt: string;
};
export type CallSummaryResponse = {
  id: string;
  retellCallId: string;
  company: CompanyRef | null;
  customer: CustomerRef | null;
  direction: "inbound" | "outbound" | null;
  fromNumber: string | null;
  toNumber: string | null;
  status: string | null;
  startedAt: string | null;
  endedAt: string | null;
  durationMs: number | null;
  costCents: number | null;
  disconnectionReason: string | null;
  createdAt: string;
};
export type CompanyRef = {
  id: string;
  name: string;
};
export type CompanyResponse = {
  id: string;
  slug: string;
  name: string;
  timezone: string;
  locale: "de" | "en";
  dateOrder: "dmy" | "mdy" | null;
  holdMinutes: number;
  reminders: RemindersDto | null;
  retellAgentIds: Array<string>;
  calcomBaseUrl: string;
  hasCalcomApiKey: boolean;
  hasRetellApiKeys: boolean;
  hasCalcomWebhookSecret: boolean;
  calcomWebhookLastAt: string | null;
  createdAt: string;
  updatedAt: string;
};
export type CostItem = {
  product: string;
  costCents: number;
  unitPrice: number | null;
};
export type CreateBranchDto = {
  name: string;
  address?: string;
  openingHours?: Record<string, unknown>;
};
export type CreateCompanyDto = {
  slug: string;
  name: string;
  timezone?: string;
  locale?: "de" | "en";
  dateOrder?: "dmy" | "mdy" | null;
  holdMinutes?: number;
  reminders?: RemindersDto | null;
  calcomApiKey?: string;
  calcomWebhookSecret?: Record<string, unknown>;
  calcomBaseUrl?: Record<string, unknown> | null;
  retellApiKeys?: Array<string>;
  retellAgentIds?: Array<string>;
};
export type CreatedTokenResponse = {
  id: string;
  kind: "admin" | "function" | "viewer";
  name: string;
  companyId: string | null;
  token: string;
};
export type CreatePhoneNumberDto = {
  e164: string;
  branchId?: string;
  label?: string;
};
export type CreateServiceDto = {
  name: string;
  synonyms?: Array<string>;
  calcomEventTypeId: number;
  durationMinutes: number;
  branchId?: string;
  multiHost?: boolean;
  active?: boolean;
};
export type CreateTokenDto = {
  kind: "admin" | "function" | "viewer";
  name: string;
  companyId?: string;
};
export type CustomerAppointment = {
  id: string;
  status: "booking" | "uncertain" | "accepted" | "pending" | "cancelled" | "rejected" | "failed";
  startAt: string;
  calcomBookingUid: string | null;
  serviceId: string | null;
};
export type CustomerDetailResponse = {
  id: string;
  companyId: string;
  name: string | null;
  phoneE164: string | null;
  email: string | null;
  createdAt: string;
  updatedAt: string;
  calls: Array<CallSummaryResponse>;
  appointments: Array<CustomerAppointment>;
};
export type CustomerRef = {
  id: string;
  name: string | null;
  phone: string | null;
};
export type CustomerResponse = {
  id: string;
  companyId: string;
  name: string | null;
  phoneE164: string | null;
  email: string | null;
  createdAt: string;
  updatedAt: string;
};
export type DatabaseState = {
  status: "up" | "down";
  responseTimeMs?: number;
};
export type DiagnosticComponents = {
  database: DatabaseState;
  redis: RedisState;
  calcom: CalcomState;
  queue: QueueState;
};
export type DiagnosticReportResponse = {
  components: DiagnosticComponents;
  calls: Array<CallSummaryResponse>;
};
export type ErasureReportResponse = {
  customers: number;
  calls: number;
  appointments: number;
  cancelledBookings: number;
  failedCancellations: number;
};
export type FunctionCallResponse = {
  tool: string;
  face: "retell" | "mcp";
  args: Record<string, unknown> | null;
  outcome: string;
  success: boolean;
  answer: string | null;
  durationMs: number;
  at: string;
  offsetMs: number | null;
};
export type OverviewDayResponse = {
  date: string;
  calls: number;
  bookedCalls: number;
  conversion: number | null;
  moved: number;
  cancelled: number;
  failures: Record<string, number>;
  functionP95Ms: number | null;
};
export type OverviewResponse = {
  from: string;
  to: string;
  timezone: string;
  days: Array<OverviewDayResponse>;
  breakers: Array<BreakerStateResponse>;
};
export type PhoneNumberResponse = {
  id: string;
  companyId: string;
  branchId: string | null;
  e164: string;
  label: string | null;
  createdAt: string;
};
export type QueueState = {
  depth: number;
};
export type RedisState = {
  status: "up" | "down";
  mode?: "in-process";
  message?: string;
};
export type ReminderResponse = {
  id: string;
  companyId: string;
  appointmentId: string;
  customerId: string | null;
  leadMinutes: number;
  appointmentStart: string;
  dueAt: string;
  nextAt: string;
  status: "scheduled" | "retry" | "calling" | "placed" | "confirmed" | "rescheduled" | "cancelled" | "no_answer" | "voicemail" | "declined" | "failed" | "dropped";
  attempts: number;
  retellCallId: string | null;
  reason: string | null;
  updatedAt: string;
};
export type RemindersDto = {
  leadMinutes: Array<number>;
  window: ReminderWindowDto;
  agentId: string;
  fromNumber?: Record<string, unknown> | null;
  maxAttempts?: number;
};
export type ReminderWindowDto = {
  from: string;
  to: string;
};
export type RetellWebhookDto = {

};
export type ServiceResponse = {
  id: string;
  companyId: string;
  branchId: string | null;
  name: string;
  synonyms: Array<string>;
  calcomEventTypeId: number;
  durationMinutes: number;
  multiHost: boolean;
  active: boolean;
  createdAt: string;
  updatedAt: string;
};
export type TokenResponse = {
  id: string;
  kind: "admin" | "function" | "viewer";
  name: string;
  companyId: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
  createdAt: string;
};
export type UpdateBranchDto = {
  name?: string;
  address?: string;
  openingHours?: Record<string, unknown>;
};
export type UpdateCompanyDto = {
  slug?: string;
  name?: string;
  timezone?: string;
  locale?: "de" | "en";
  dateOrder?: "dmy" | "mdy" | null;
  holdMinutes?: number;
  reminders?: RemindersDto | null;
  calcomApiKey?: string;
  calcomWebhookSecret?: Record<string, unknown>;
  calcomBaseUrl?: Record<string, unknown> | null;
  retellApiKeys?: Array<string>;
  retellAgentIds?: Array<string>;
};
export type UpdatePhoneNumberDto = {
  e164?: string;
  branchId?: string;
  label?: string;
};
export type UpdateServiceDto = {
  name?: string;
  synonyms?: Array<string>;
  calcomEventTypeId?: number;
  durationMinutes?: number;
  branchId?: string;
  multiHost?: boolean;
  active?: boolean;
};

/** The answer of each GET route of the admin API. */
export interface AdminGet {
  "/api/admin/appointments": Array<AppointmentResponse>;
  "/api/admin/appointments/{id}": AppointmentDetailResponse;
  "/api/admin/calls": Array<CallSummaryResponse>;
  "/api/admin/calls/{id}": CallDetailResponse;
  "/api/admin/companies": Array<CompanyResponse>;
  "/api/admin/companies/{companyId}/branches": Array<BranchResponse>;
  "/api/admin/companies/{companyId}/branches/{id}": BranchResponse;
  "/api/admin/companies/{companyId}/phone-numbers": Array<PhoneNumberResponse>;
  "/api/admin/companies/{companyId}/phone-numbers/{id}": PhoneNumberResponse;
  "/api/admin/companies/{companyId}/services": Array<ServiceResponse>;
  "/api/admin/companies/{companyId}/services/{id}": ServiceResponse;
  "/api/admin/companies/{id}": CompanyResponse;
  "/api/admin/customers": Array<CustomerResponse>;
  "/api/admin/customers/{id}": CustomerDetailResponse;
  "/api/admin/overview": OverviewResponse;
  "/api/admin/reminders": Array<ReminderResponse>;
  "/api/admin/tokens": Array<TokenResponse>;
}

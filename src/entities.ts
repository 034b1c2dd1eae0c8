import { AppointmentChange } from './modules/appointments/appointment-change.entity';
import { Appointment } from './modules/appointments/appointment.entity';
import { CalcomDelivery } from './modules/appointments/calcom-delivery.entity';
import { SlotHold } from './modules/appointments/holds/slot-hold.entity';
import { CallEvent } from './modules/calls/call-event.entity';
import { Call } from './modules/calls/call.entity';
import { FunctionCall } from './modules/calls/function-call.entity';
import { ApiToken } from './modules/access/api-token.entity';
import { Reminder } from './modules/reminders/reminder.entity';
import { Branch } from './modules/tenants/branch.entity';
import { Company } from './modules/tenants/company.entity';
import { Customer } from './modules/tenants/customer.entity';
import { PhoneNumber } from './modules/tenants/phone-number.entity';
import { Service } from './modules/tenants/service.entity';

/** Every entity, for test rigs and the schema check; the app registers each module's own (`forFeature`). */
export const entities = [
  Company,
  Branch,
  PhoneNumber,
  Service,
  Customer,
  Call,
  CallEvent,
  FunctionCall,
  Appointment,
  AppointmentChange,
  CalcomDelivery,
  SlotHold,
  Reminder,
  ApiToken,
];

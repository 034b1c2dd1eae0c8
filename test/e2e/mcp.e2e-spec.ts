import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { Appointment } from '../../src/modules/appointments/appointment.entity';
import { retellToolDefinitions } from '../../src/modules/retell/retell-tools';
import { berlin, BOOKING_NUMBER, bookingTenant, dayFromNow } from '../support/calcom';
import { useBookingSuite } from '../support/booking-suite.testing';
import { mcpClient } from '../support/mcp';
import { functionTokenFor } from '../support/test-app';

type ToolAnswer = { content: Array<{ type: string; text: string }>; structuredContent: Record<string, unknown> };

describe('MCP face: the same tools over Streamable HTTP at /mcp', () => {
  // Cal.com's default timeout: 50 MCP sessions at once (three requests each) keep a 2-core machine busy for a while.
  const suite = useBookingSuite({
    env: { CALCOM_TIMEOUT_MS: '4000' },
    tenants: () => [bookingTenant(), bookingTenant('other', '+493066666666', 'en')],
  });
  const day = dayFromNow(3);
  const clients: Client[] = [];
  const tokenFor = (slug: string) => functionTokenFor(suite.t, slug, 'mcp');
  const connect = async (token: string | null, query: Record<string, string> = {}) => {
    const client = await mcpClient(suite.t, token, query);
    clients.push(client);
    return client;
  };
  const call = async (client: Client, name: string, args: Record<string, unknown>) =>
    (await client.callTool({ name, arguments: args })) as unknown as ToolAnswer;
  const appointments = () => suite.t.dataSource.getRepository(Appointment).find();

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
  });

  it('lists the tools with the schemas of the Retell definitions', async () => {
    const client = await connect(await tokenFor('salon'));
    const { tools } = await client.listTools();
    const retell = retellToolDefinitions('http://gateway.test');
    expect(tools.map((tool) => tool.name)).toEqual(retell.map((tool) => tool.name));
    for (const definition of retell) {
      const tool = tools.find((candidate) => candidate.name === definition.name)!;
      expect(tool.inputSchema).toEqual(definition.parameters);
      expect(tool.description).toBe(definition.description);
    }
  });

  it('checks, books, finds, moves and cancels an appointment, saying each step', async () => {
    const client = await connect(await tokenFor('salon'), {
      call_id: 'mcp_call_1',
      direction: 'inbound',
      user_number: '+4915112345678',
    });
    const free = await call(client, 'check_availability', { service: 'Haarschnitt', date: day, time: '10:00' });
    expect(free.structuredContent).toEqual({ kind: 'free', start: berlin(day, '10:00').toISOString() });
    expect(free.content[0].text).toMatch(/um 10 Uhr ist frei\. Soll ich den Termin für Sie buchen\?$/);
    const booked = await call(client, 'book_appointment', {
      service: 'Haarschnitt',
      date: day,
      time: '10:00',
      name: 'Mia Muster',
    });
    expect(booked.structuredContent).toMatchObject({
      kind: 'booked',
      moved: false,
      appointment: { status: 'confirmed' },
    });
    expect(booked.content[0].text).toMatch(/^Ihr Termin ist gebucht: Haarschnitt am/);
    const listed = await call(client, 'query_customer_appointments', {});
    expect(listed.structuredContent).toMatchObject({
      kind: 'appointments',
      appointments: [{ service: 'Haarschnitt' }],
    });
    const moved = await call(client, 'reschedule_appointment', { new_date: day, new_time: '14:00' });
    expect(moved.structuredContent).toMatchObject({
      kind: 'booked',
      moved: true,
      appointment: { start: berlin(day, '14:00').toISOString() },
    });
    const cancelled = await call(client, 'cancel_appointment', {});
    expect(cancelled.structuredContent).toMatchObject({ kind: 'cancelled', alreadyCancelled: false });
    expect([...suite.fake.bookings.values()].filter((booking) => booking.status !== 'cancelled')).toHaveLength(0);
  });

  it('books once when a tools/call is repeated, as a retrying client would', async () => {
    const client = await connect(await tokenFor('salon'), { call_id: 'mcp_retry' });
    const args = { service: 'Haarschnitt', date: day, time: '11:00', name: 'Mia Muster', phone: '+4915112345678' };
    const first = await call(client, 'book_appointment', args);
    const again = await call(client, 'book_appointment', args);
    expect(again.structuredContent).toEqual(first.structuredContent);
    expect(await appointments()).toHaveLength(1);
    expect(suite.fake.requestsTo('POST', /^\/v2\/bookings$/)).toHaveLength(1);
  });

  it('books one of 50 concurrent calls for one slot, and offers the others alternatives', async () => {
    const token = await tokenFor('salon');
    const callers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        connect(token, { call_id: `race_${i}`, direction: 'inbound', user_number: `+491511234${5600 + i}` }),
      ),
    );
    // With an e-mail address: the race is about the slot, not about Cal.com's event type answering in time.
    const args = { service: 'Haarschnitt', date: day, time: '12:00', name: 'Racer', email: 'racer@example.com' };
    const answers = await Promise.all(callers.map((client) => call(client, 'book_appointment', args)));
    const kinds = answers.map((answer) => answer.structuredContent.kind);
    expect(kinds.filter((kind) => kind === 'booked')).toHaveLength(1);
    expect(kinds.filter((kind) => kind !== 'booked' && kind !== 'unavailable')).toEqual([]);
    expect([...suite.fake.bookings.values()].filter((booking) => booking.status !== 'cancelled')).toHaveLength(1);
  });

  it('refuses a request without a token, or with an unknown one, before anything runs', async () => {
    await expect(connect(null)).rejects.toThrow(/401/);
    await expect(connect('vbg_fn_not_a_real_token')).rejects.toThrow(/401/);
  });

  it("keeps a token to its company: another company's call is refused and nothing of it is read", async () => {
    const other = await connect(await tokenFor('other'), { call_id: 'salon_call', agent_number: BOOKING_NUMBER });
    await expect(call(other, 'query_customer_appointments', {})).rejects.toThrow(/another company/);
    const salon = await connect(await tokenFor('salon'), { call_id: 'salon_call' });
    await call(salon, 'book_appointment', {
      service: 'Haarschnitt',
      date: day,
      time: '15:00',
      name: 'Mia',
      phone: '+4915112345678',
    });
    const stranger = await connect(await tokenFor('other'), { call_id: 'salon_call' });
    await expect(call(stranger, 'query_customer_appointments', {})).rejects.toThrow(/another company/);
    await expect(call(stranger, 'list_services', {})).rejects.toThrow(/another company/);
    const own = await connect(await tokenFor('other'), { call_id: 'other_call' });
    expect((await call(own, 'query_customer_appointments', {})).structuredContent).toEqual({
      kind: 'appointments',
      appointments: [],
    });
  });
});

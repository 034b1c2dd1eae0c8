import { DomainError } from '../../common/domain-error';
import { toolContext, toolsRig } from './agent-tools.testing';

const AT = (iso: string) => new Date(iso);
const DAY = '2030-03-04';

describe('AgentToolsService: the use cases behind both faces', () => {
  let rig: ReturnType<typeof toolsRig>;
  const run = (key: Parameters<typeof rig.tools.run>[0], args: object, context = toolContext()) =>
    rig.tools.run(key, context, args);

  beforeEach(() => {
    rig = toolsRig();
  });

  describe('arguments and failures', () => {
    it('names the missing arguments instead of running the tool', async () => {
      expect(await run('check-availability', {})).toEqual({ kind: 'missingArguments', fields: ['service'] });
      expect(rig.recorded).toEqual([]);
    });

    it('turns a domain error into a failure, anything else into INTERNAL, and passes FORBIDDEN on', async () => {
      const failing = async () => {
        throw new DomainError('CALCOM_UNAVAILABLE', 'down');
      };
      rig.state.book = failing;
      const args = { service: 'Haarschnitt', date: DAY, time: '10:00', name: 'Mia' };
      expect(await run('book-appointment', args)).toEqual({ kind: 'failed', code: 'CALCOM_UNAVAILABLE' });
      rig.state.book = async () => Promise.reject(new Error('boom'));
      expect(await run('book-appointment', args)).toEqual({ kind: 'failed', code: 'INTERNAL' });
      rig.state.book = async () => Promise.reject(new DomainError('FORBIDDEN', 'not yours'));
      await expect(run('book-appointment', args)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    });

    it('offers the services when none matches, and stops when the company has no calendar', async () => {
      expect(await run('check-availability', { service: 'Massage' })).toEqual({
        kind: 'unknownService',
        offered: ['Haarschnitt'],
      });
      rig.state.account = null;
      expect(await run('check-availability', { service: 'Haarschnitt' })).toEqual({
        kind: 'failed',
        code: 'CALCOM_MISCONFIGURED',
      });
    });
  });

  describe('catalog', () => {
    it('lists the services and branches, and says when there are none', async () => {
      expect(await run('list-services', {})).toEqual({
        kind: 'services',
        services: [{ name: 'Haarschnitt', durationMinutes: 30, branch: 'Mitte' }],
      });
      expect(await run('get-branches', {})).toMatchObject({ kind: 'branches', branches: [{ name: 'Mitte' }] });
      rig.state.services = [];
      expect(await run('list-services', { branch: 'Nirgendwo' })).toEqual({ kind: 'failed', code: 'NOT_FOUND' });
    });
  });

  describe('availability', () => {
    it('says a free time is free, and a taken one with the alternatives found with it or searched', async () => {
      rig.state.check = { kind: 'free', instant: AT('2030-03-04T09:00:00Z') };
      expect(await run('check-availability', { service: 'Haarschnitt', date: DAY, time: '10:00' })).toEqual({
        kind: 'free',
        start: AT('2030-03-04T09:00:00Z'),
      });
      rig.state.check = { kind: 'taken', instant: AT('2030-03-04T09:00:00Z'), alternatives: [] };
      rig.state.alternatives = [AT('2030-03-05T09:00:00Z')];
      expect(await run('check-availability', { service: 'Haarschnitt', date: DAY, time: '10:00' })).toEqual({
        kind: 'unavailable',
        why: { reason: 'taken' },
        day: expect.any(String),
        wanted: AT('2030-03-04T09:00:00Z'),
        alternatives: [AT('2030-03-05T09:00:00Z')],
      });
    });

    it('lists a day, and searches later days when the days asked are full', async () => {
      const days = [{ day: DAY, slots: [AT('2030-03-04T09:00:00Z')] }];
      rig.state.check = { kind: 'days', days };
      expect(await run('check-availability', { service: 'Haarschnitt', date: DAY })).toEqual({
        kind: 'freeTimes',
        days,
      });
      rig.state.check = { kind: 'days', days: [{ day: DAY, slots: [] }] };
      rig.state.alternatives = [AT('2030-03-06T08:00:00Z')];
      expect(await run('check-availability', { service: 'Haarschnitt', date: DAY })).toMatchObject({
        kind: 'unavailable',
        why: { reason: 'full' },
        day: expect.any(String),
        wanted: null,
        days: [{ day: DAY, slots: [] }],
      });
      expect(rig.calls('alternatives')[0][2]).toEqual(AT('2030-03-04T08:00:00Z'));
    });

    it('asks again for a date it cannot read, and searches around a day without a time', async () => {
      expect(await run('check-availability', { service: 'Haarschnitt', date: 'am Sankt Nimmerleinstag' })).toEqual({
        kind: 'unreadDate',
      });
      rig.state.alternatives = [AT('2030-03-04T13:00:00Z')];
      expect(await run('get-alternatives', { service: 'Haarschnitt', date: DAY, time: 'nachmittags' })).toMatchObject({
        kind: 'alternatives',
        alternatives: [AT('2030-03-04T13:00:00Z')],
      });
    });
  });
});

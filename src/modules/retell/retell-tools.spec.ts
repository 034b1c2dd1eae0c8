import { retellToolDefinitions } from './retell-tools';

describe(retellToolDefinitions.name, () => {
  const sut = retellToolDefinitions('https://gw.example.com/');

  it('defines every function with its URL, method and filler setting', () => {
    expect(sut).toHaveLength(12);
    expect(sut.find((tool) => tool.name === 'check_availability')).toMatchObject({
      type: 'custom',
      url: 'https://gw.example.com/api/retell/check-availability',
      method: 'POST',
      speak_during_execution: true,
    });
  });

  it('derives parameters from the argument DTOs, with types and required fields', () => {
    const book = sut.find((tool) => tool.name === 'collect_appointment_data')!;
    expect(book.parameters.properties.confirm).toMatchObject({ type: 'boolean' });
    expect(book.parameters.properties.email).toMatchObject({
      type: 'string',
      description: expect.stringContaining('mail'),
    });
    expect(book.parameters.required).toEqual(expect.arrayContaining(['name', 'service', 'date', 'time', 'confirm']));
    expect(book.parameters.required).not.toContain('email');
    expect(sut.find((tool) => tool.name === 'get_branches')!.parameters).toEqual({
      type: 'object',
      properties: {},
      required: [],
    });
  });

  it('sets how long Retell waits and how often it retries, on purpose for every function', () => {
    expect(sut.find((tool) => tool.name === 'book_appointment')).toMatchObject({
      timeout_ms: 20_000,
      max_retry: 2,
      args_at_root: false,
    });
    expect(sut.find((tool) => tool.name === 'list_services')).toMatchObject({ timeout_ms: 10_000, max_retry: 2 });
    for (const tool of sut) expect(tool.timeout_ms).toBeGreaterThan(4_000);
  });

  it('passes the call context in the URL when Retell sends the arguments only', () => {
    const argsOnly = retellToolDefinitions('https://gw.example.com', { argsOnly: true });
    expect(argsOnly.find((tool) => tool.name === 'check_availability')).toMatchObject({
      args_at_root: true,
      url:
        'https://gw.example.com/api/retell/check-availability?call_id={{call_id}}&direction={{direction}}' +
        '&user_number={{user_number}}&agent_number={{agent_number}}',
    });
  });
});

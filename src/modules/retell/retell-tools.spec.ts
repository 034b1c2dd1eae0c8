import { retellToolDefinitions } from './retell-tools';

describe(retellToolDefinitions.name, () => {
  const sut = retellToolDefinitions('https://gw.example.com/');

  it('defines every function with its URL, method and filler setting', () => {
    expect(sut).toHaveLength(10);
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
    expect(book.parameters.properties.email).toMatchObject({ type: 'string', description: expect.stringContaining('mail') });
    expect(book.parameters.required).toEqual(expect.arrayContaining(['name', 'service', 'date', 'time', 'confirm']));
    expect(book.parameters.required).not.toContain('email');
    expect(sut.find((tool) => tool.name === 'get_branches')!.parameters).toEqual({ type: 'object', properties: {}, required: [] });
  });
});

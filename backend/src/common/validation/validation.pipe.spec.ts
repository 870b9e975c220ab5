import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, ValidateNested } from 'class-validator';
import { CommonException } from '../errors/common.exception';
import { inputDepth, MAX_INPUT_DEPTH, shapeProblems } from './body-shape';
import { AppValidationPipe } from './validation.pipe';

class SettingsDto {
  @ApiProperty() @IsBoolean() hidden: boolean;
}

class ItemDto {
  @ApiProperty() @IsString() name: string;
}

class PatchDto {
  @ApiPropertyOptional() @IsOptional() @IsString() firstName?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsString() phone?: string | null;
  @ApiPropertyOptional({ type: SettingsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => SettingsDto)
  settings?: SettingsDto;
  @ApiPropertyOptional({ type: () => [ItemDto] })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => ItemDto)
  items?: ItemDto[];
}

const nested = (levels: number): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < levels; i++) value = [value];
  return value;
};

describe(AppValidationPipe.name, () => {
  const pipe = new AppValidationPipe();
  const body = (value: unknown) => pipe.transform(value, { type: 'body', metatype: PatchDto });

  it('refuses a deeply nested body with a 400 that names the problem, without overflowing', async () => {
    const error = await body({ items: nested(2000) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommonException);
    expect((error as CommonException).status).toBe(400);
    expect((error as CommonException).message).toMatch(/nests more than/);
  });

  it('refuses null for a field the API does not document as nullable, and accepts it where it does', async () => {
    const error = (await body({ firstName: null }).catch((e: unknown) => e)) as CommonException;
    expect(error.status).toBe(400);
    expect(error.details).toEqual([{ field: 'firstName', message: 'firstName must not be null' }]);
    await expect(body({ phone: null })).resolves.toMatchObject({ phone: null });
    await expect(body({ settings: null })).rejects.toThrow('settings must not be null');
  });

  it('refuses an array where an object is documented, and the other way round', async () => {
    await expect(body({ settings: [] })).rejects.toThrow('settings must be an object');
    await expect(body({ items: { name: 'x' } })).rejects.toThrow('items must be an array');
    await expect(body({ items: [null] })).rejects.toThrow('items.0 must be an object');
    await expect(body([])).rejects.toThrow('The request body must be a JSON object');
  });

  it('lets well-formed input through to validation and transformation', async () => {
    await expect(
      body({ firstName: 'Ann', settings: { hidden: true }, items: [{ name: 'a' }] }),
    ).resolves.toBeInstanceOf(PatchDto);
    await expect(body({ settings: { hidden: 'yes' } })).rejects.toMatchObject({ status: 400 });
  });
});

describe('inputDepth', () => {
  it('counts levels of objects and arrays, and stops just past the limit', () => {
    expect(inputDepth('x')).toBe(0);
    expect(inputDepth({ a: [1] })).toBe(2);
    expect(inputDepth(nested(100_000))).toBe(MAX_INPUT_DEPTH + 1);
  });
});

describe('shapeProblems', () => {
  it('names nested fields by their path', () => {
    expect(shapeProblems({ items: [{ name: 'a' }, []] }, PatchDto)).toEqual([
      { field: 'items.1', message: 'items.1 must be an object' },
    ]);
  });
});
